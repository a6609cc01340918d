import type { TextareaField, TextField } from 'payload'

import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import type { AdminText } from '@/lib/adminLanguages'
import type { PrivateFieldName } from '@/privacy/privateData'

const privateNotice: AdminText = {
  en: 'Private: only safeguarding staff and admins can see this. Never shown on the site.',
  ru: 'Закрыто: видят только служба защиты и администраторы. На сайте не показывается.',
}

/**
 * A text field only safeguarding staff and admins can read or write. Anyone else, anonymous
 * visitors above all, never receives the value: field access strips it from every response
 * and refuses queries that filter on it. Only a name declared private in privacy/privateData.ts
 * is accepted, so the audit and erasure know of every such field.
 */
export function privateField<T extends (TextField | TextareaField) & { name: PrivateFieldName }>(
  field: T,
  description: AdminText,
): T {
  return {
    ...field,
    access: {
      create: canAccessPrivateData,
      read: canAccessPrivateData,
      update: canAccessPrivateData,
    },
    admin: {
      ...field.admin,
      description: { en: `${description.en} ${privateNotice.en}`, ru: `${description.ru} ${privateNotice.ru}` },
    },
  }
}
