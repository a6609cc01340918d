import type { Access, FieldAccess } from 'payload'

import { hasRole } from '@/lib/roles'

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

/** Field-level twin of `isAdmin`, e.g. for the role field, so nobody can raise their own role. */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
