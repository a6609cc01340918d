import type { Access } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Editors and admins change every upload; contributors only those they uploaded themselves
 * (the server-set `uploadedBy`), so nobody rewrites a colleague's alt text or caption.
 * Safeguarding staff, who never write content, change none.
 */
export const isEditorOrUploader: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (user && hasRole(user, 'contributor')) return { uploadedBy: { equals: user.id } }
  return false
}
