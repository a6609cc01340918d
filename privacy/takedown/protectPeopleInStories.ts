import type { CollectionAfterChangeHook } from 'payload'

import { takeDownStoriesLackingConsent } from '@/privacy/takedown/takeDownStories'
import { redactStoriesFor } from '@/privacy/takedown/redactStories'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { mayBeNamed, type NameableRecord, namingEnded } from '@/privacy/consent/mayBeNamed'
import type { PeopleCollection } from '@/privacy/content/uses'
import { cacheTags, pagesShowingStories } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'
import { storiesShowing } from '@/privacy/takedown/storiesShowing'

/** What decides whether she may be named or shown: consent, erasure and a leader's public role. */
const basisOf = (person: NameableRecord | undefined) =>
  JSON.stringify([person?.consent ?? null, person?.erasedAt ?? null, person?.publicRole ?? null])

/**
 * After a participant's or leader's record changes:
 * - consent (or a leader's public role) changed, withdrawn or expired, or her data erased: every
 *   published story that no longer has consent for how it uses her comes down at once, in the
 *   same transaction;
 * - either that or her public name changed: the stored text of every story that depends on her
 *   is worked out again in every locale, published and latest draft alike; if she may no longer
 *   be named, her name typed by hand goes too (privacy/takedown/redactStories);
 * - either way, every public page that showed anything of her (the pages showing any story that
 *   depends on her) is expired; the others are kept, their queries read again.
 */
export function protectPeopleInStories(collection: PeopleCollection): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req: request, operation }) => {
    const req = isolatedRequest(request)
    if (operation === 'update') {
      const id = String(doc.id)
      // `doc` is what the editor may read (an editor never sees consent): judge by the stored
      // record, read without hooks so this system read is not logged as hers.
      const current = ((await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })) ??
        {}) as NameableRecord
      const basisChanged = basisOf(current) !== basisOf(previousDoc)
      if (basisChanged) await takeDownStoriesLackingConsent(req, { collection, id })
      if (doc.publicName !== previousDoc?.publicName || basisChanged) {
        const ended = namingEnded(current) || (mayBeNamed(previousDoc ?? {}) && !mayBeNamed(current))
        await redactStoriesFor({ collection, id }, req, {
          redactTyped: ended,
          formerNames: [previousDoc?.publicName],
        })
        // Every page that showed anything of her is rendered again before anyone sees it.
        revalidatePublicSite(pagesShowingStories(await storiesShowing({ collection, id }, req)), req)
      }
    }
    // The rest did not show her and are kept; the queries they share are read again.
    revalidatePublicSite([cacheTags.people, cacheTags.stories], req, 'refresh')
    return doc
  }
}
