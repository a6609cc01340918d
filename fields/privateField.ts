import type { TextareaField, TextField } from 'payload'

import { canAccessPrivateFields } from '@/access/canAccessPrivateFields'

const privateNotice = 'Private: only safeguarding staff and admins can see this. Never shown on the site.'

/**
 * A text field only safeguarding staff and admins can read or write. Anyone else, anonymous
 * visitors above all, never receives the value: field access strips it from every response
 * and refuses queries that filter on it.
 */
export function privateField<T extends TextField | TextareaField>(field: T, description: string): T {
  return {
    ...field,
    access: {
      create: canAccessPrivateFields,
      read: canAccessPrivateFields,
      update: canAccessPrivateFields,
    },
    admin: { ...field.admin, description: `${description} ${privateNotice}` },
  }
}
