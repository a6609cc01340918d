import type { FieldAccess } from 'payload'

import { relationId } from '@/lib/relations'
import { hasRole } from '@/lib/roles'

/**
 * Who a new story is by: editors and admins name anyone; a contributor names herself, or leaves
 * it to default to her, so nobody's name goes on a story they did not write.
 */
export const authorIsSelfOrEditor: FieldAccess = ({ req: { user }, siblingData }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!user) return false
  const author = (siblingData as { author?: unknown } | undefined)?.author
  return author === undefined || author === null || relationId(author) === String(user.id)
}
