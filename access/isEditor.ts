import type { Access, FieldAccess } from 'payload'

import { hasRole } from '@/lib/roles'

/** Editors and admins: they publish, and manage programs, tags, leaders' profiles and the site. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Field-level twin of `isEditor`, e.g. for leaders' public fields. */
export const isEditorField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
