import type { PayloadRequest } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Real names, private notes, consent records and their evidence: only safeguarding staff and
 * admins may read or write them. Everyone else, anonymous visitors above all, never receives
 * these values. One rule for whole collections (`access.read`) and single fields: it returns a
 * plain boolean, which both accept.
 */
export const canAccessPrivateData = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  hasRole(user, 'admin', 'safeguarding')
