import type { Access } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Contributors write and edit drafts; only editors and admins publish. Payload also asks this
 * with `data: { _status: 'published' }` to decide whether to show the Publish and Schedule
 * buttons, so contributors never see them. Unpublishing is refused to contributors in the
 * collection's `keepContributorsToDrafts` hook, which can tell a draft save from an unpublish.
 */
export const canWriteStory: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'contributor')) return (data as { _status?: string } | undefined)?._status !== 'published'
  return false
}
