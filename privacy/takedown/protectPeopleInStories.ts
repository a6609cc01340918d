import type { CollectionAfterChangeHook, PayloadRequest, TypedLocale } from 'payload'

import { takeDownStoriesLackingConsent } from '@/privacy/takedown/takeDownStories'
import { keepRequestLocale } from '@/lib/payload/keepRequestLocale'
import { type PeopleCollection, personKey } from '@/privacy/content/uses'
import { cacheTags } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'

/**
 * Stories whose stored text (excerpt, search text) mentions this person are saved again, so
 * they carry her new public name. A story with unpublished changes pending is left for its
 * editor's next save rather than have those changes overwritten.
 */
async function refreshMentioningStories(key: string, locale: TypedLocale | undefined, req: PayloadRequest) {
  const { docs } = await req.payload.find({
    collection: 'stories',
    where: { dependsOn: { contains: key } },
    depth: 0,
    limit: 500,
    overrideAccess: true,
    req,
    select: { _status: true },
  })
  for (const story of docs) {
    const latest = await req.payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: story.id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const pendingDraft = story._status === 'published' && latest.docs[0]?.version._status === 'draft'
    if (pendingDraft) continue
    await req.payload.update({ collection: 'stories', id: story.id, data: {}, locale, overrideAccess: true, req })
  }
}

/**
 * After a participant's or leader's record changes:
 * - consent changed, withdrawn or expired, or her data erased: every published story that no
 *   longer has consent for how it uses her comes down at once, in the same transaction;
 * - public name changed: stories mentioning her are re-derived with the new name;
 * - either way, every public page showing her name is revalidated.
 */
export function protectPeopleInStories(collection: PeopleCollection): CollectionAfterChangeHook {
  return ({ doc, previousDoc, req, operation }) => {
    const locale = req.locale && req.locale !== 'all' ? (req.locale as TypedLocale) : undefined
    return keepRequestLocale(req, async () => {
      if (operation === 'update') {
        const key = personKey({ collection, id: String(doc.id) })
        const consentChanged =
          JSON.stringify(doc.consent ?? null) !== JSON.stringify(previousDoc?.consent ?? null) ||
          doc.erasedAt !== previousDoc?.erasedAt
        if (consentChanged) await takeDownStoriesLackingConsent(req, { collection, id: String(doc.id) })
        if (doc.publicName !== previousDoc?.publicName || consentChanged)
          await refreshMentioningStories(key, locale, req)
      }
      revalidatePublicSite([cacheTags.people, cacheTags.stories], req)
      return doc
    })
  }
}
