import type { Access } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * The people who answer supporters: editors and admins read, update and delete inquiries and
 * the updates list. Contributors and safeguarding staff have no need to see supporters' names
 * and addresses, and anonymous visitors never do.
 */
export const handlesSupporters: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
