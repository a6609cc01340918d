import type { Access } from 'payload'

import { hasRole, type Role } from '@/lib/roles'

/** Collection access for staff holding any of these roles, for rules no single role owns. */
export const hasAnyRole =
  (...roles: Role[]): Access =>
  ({ req: { user } }) =>
    hasRole(user, ...roles)
