import type { Access, Where } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Editors and admins change every upload; contributors only those they uploaded themselves
 * (the server-set `uploadedBy`), so nobody rewrites a colleague's alt text or caption, and only
 * while no published page shows it: once public, its alt text and caption are public text, and
 * only editors change what the public reads. Safeguarding staff, who never write content, change none.
 */
export const isEditorOrUploader: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (user && hasRole(user, 'contributor')) {
    const own: Where = { uploadedBy: { equals: user.id } }
    const unpublished: Where = { public: { not_equals: true } }
    return { and: [own, unpublished] }
  }
  return false
}
