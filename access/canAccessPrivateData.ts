import type { PayloadRequest } from 'payload'

import { hasRole } from '@/lib/roles'

/** Collection-level twin of `canAccessPrivateFields`: safeguarding staff and admins only. */
export const canAccessPrivateData = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  hasRole(user, 'admin', 'safeguarding')
