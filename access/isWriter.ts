import type { Access } from 'payload'

import { hasRole } from '@/lib/roles'

/** Everyone who writes content: contributors, editors and admins (not safeguarding staff). */
export const isWriter: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'contributor')
