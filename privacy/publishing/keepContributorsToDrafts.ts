import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '@/lib/roles'
import { contributorReviewStatuses } from '@/lib/workflow/reviewStatus'

/**
 * Contributors write drafts and submit them for review; publishing, unpublishing and approving
 * are editors' decisions. The access function already refuses them a publish; only here, where
 * the operation's `draft` flag is known, can an unpublish be told apart from a draft save.
 */
export const keepContributorsToDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!hasRole(req.user, 'contributor')) return args
  if (operation === 'restoreVersion' && !args.draft) {
    throw new APIError('Contributors restore an earlier version as a draft; an editor publishes it.', 403)
  }
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args.data ?? {}) as { _status?: string; reviewStatus?: string }
  if (data._status === 'published') {
    throw new APIError('Contributors cannot publish. Submit the story for review and an editor will publish it.', 403)
  }
  if (operation === 'update' && !args.draft) {
    throw new APIError('Contributors save stories as drafts (draft=true); only editors change what is published.', 403)
  }
  if (data.reviewStatus && !contributorReviewStatuses.has(data.reviewStatus)) {
    throw new APIError('Only editors approve stories. Set the review status to "In review" to submit it.', 403)
  }
  return args
}
