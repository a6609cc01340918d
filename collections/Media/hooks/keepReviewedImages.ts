import type { CollectionBeforeChangeHook, Where } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'
import { hasRole } from '@/lib/roles'

/** Submitted, approved or signed off: past the point where its author alone decides. */
const pastDraft = (prefix: string): Where => ({
  or: [{ [`${prefix}reviewStatus`]: { not_equals: 'draft' } }, { [`${prefix}signOff.signedOffAt`]: { exists: true } }],
})

/**
 * An image is part of what an editor approves and safeguarding signs off: its file, alt text and
 * caption reach the page with the story. A contributor changes her own images only while every
 * story that uses them is still a plain draft; once one is submitted, approved, signed off or
 * published, only editors change the image, as they do everything else the public will read.
 */
export const keepReviewedImages: CollectionBeforeChangeHook = async ({ operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || !hasRole(req.user, 'contributor')) return
  const id = String(originalDoc.id)
  const stored = await req.payload.count({
    collection: 'stories',
    where: { and: [{ mediaUsed: { in: [id] } }, { or: [pastDraft(''), { _status: { equals: 'published' } }] }] },
    overrideAccess: true,
    req,
  })
  // The latest drafts too: a story under review may be a draft over a published one.
  const drafts = await req.payload.countVersions({
    collection: 'stories',
    where: { and: [{ latest: { equals: true } }, { 'version.mediaUsed': { in: [id] } }, pastDraft('version.')] },
    overrideAccess: true,
    req,
  })
  if (stored.totalDocs + drafts.totalDocs > 0) throw new Refusal(req, 'imageUnderReview', 403)
}
