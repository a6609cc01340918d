import type { CollectionAfterChangeHook } from 'payload'

import { takeDownStoriesLackingConsent } from '@/lib/consent/enforce'
import type { PeopleCollection } from '@/lib/consent/storyPeople'
import { cacheTags } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'

/**
 * After a participant's or leader's record changes: when her consent (or her erasure) changed,
 * take down at once every published story that no longer has consent for how it uses her, in
 * the same transaction as the change; and revalidate every page that shows her name.
 */
export function enforceConsentChanges(collection: PeopleCollection): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req, operation }) => {
    const consentChanged =
      operation === 'update' &&
      (JSON.stringify(doc.consent ?? null) !== JSON.stringify(previousDoc?.consent ?? null) ||
        doc.erasedAt !== previousDoc?.erasedAt)
    if (consentChanged) await takeDownStoriesLackingConsent(req, { collection, id: String(doc.id) })
    revalidatePublicSite([cacheTags.people, cacheTags.stories], req.payload, req.context)
    return doc
  }
}
