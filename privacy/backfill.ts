import type { PayloadRequest } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import type { AllLocales } from '@/privacy/content/documentAsSaved'
import { personKey, programUses, programUsesSelect, storyUses, storyUsesSelect } from '@/privacy/content/uses'
import { refreshLeaderVisibility } from '@/privacy/leaders/shownOnSite'
import { refreshMediaVisibility } from '@/privacy/media/visibility'

/**
 * For a database written before Voices kept its derived privacy state: which leaders are shown,
 * which media each story and program uses (and who each story depends on), and which media are
 * public. Everything is recomputed from what is stored and written straight to the database:
 * nothing is republished or versioned. Safe to run again. Migrations call it once.
 *
 * A migration runs it against the tables as they stood at that migration, while Payload knows the
 * fields of today: so it reads only the fields it works with from stories and programs, not whole
 * documents, whose newer columns a later migration may not have added yet.
 */
export async function backfillPrivacyState(request: PayloadRequest): Promise<void> {
  const req = isolatedRequest(request)
  const { payload } = req
  await refreshLeaderVisibility(req)
  for (const collection of ['stories', 'programs'] as const) {
    const { docs } = await payload.find({
      collection,
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: collection === 'stories' ? storyUsesSelect : programUsesSelect,
    })
    for (const doc of docs as unknown as AllLocales[]) {
      const uses = collection === 'stories' ? await storyUses(doc, req) : await programUses(doc, req)
      // Both lists live in the same table: write them together so neither is lost.
      const data =
        collection === 'stories'
          ? { mediaUsed: uses.media, dependsOn: uses.needs.map(personKey) }
          : { mediaUsed: uses.media }
      await payload.db.updateOne({ collection, id: String(doc.id), data, req, returning: false })
    }
  }
  await refreshMediaVisibility(req)
}
