import type { FieldAccess } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Real names, private notes and consent records: only safeguarding staff and admins may read
 * or write them. Everyone else, anonymous visitors above all, never receives these values.
 */
export const canAccessPrivateFields: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'safeguarding')
