import type { PayloadRequest } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import type { AllLocales } from '@/privacy/content/documentAsSaved'
import { personKey, programUses, storyUses } from '@/privacy/content/uses'

import { refreshMediaVisibility } from './visibility'

/**
 * For a database written before media visibility existed: derives which media each story and
 * program uses (and who each story depends on) from what is stored, then sets every media
 * document's `public` flag. Written straight to the database: nothing is republished or versioned.
 * Safe to run again; it only ever recomputes.
 */
export async function backfillMediaVisibility(request: PayloadRequest): Promise<void> {
  const req = isolatedRequest(request)
  const { payload } = req
  for (const collection of ['stories', 'programs'] as const) {
    const { docs } = await payload.find({
      collection,
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs as unknown as AllLocales[]) {
      const uses = collection === 'stories' ? await storyUses(doc, req) : await programUses(doc, req)
      const data =
        collection === 'stories'
          ? { mediaUsed: uses.media, dependsOn: uses.needs.map(personKey) }
          : { mediaUsed: uses.media }
      await payload.db.updateOne({ collection, id: String(doc.id), data, req })
    }
  }
  await refreshMediaVisibility(req)
}
