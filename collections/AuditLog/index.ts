import type { CollectionConfig } from 'payload'

import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { nobody } from '@/access/nobody'

/**
 * Who read or changed private fields and consent records, and when. Append-only: entries are
 * written by hooks with system rights; nobody, admins included, can edit or delete them.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: { en: 'Audit entry', ru: 'Запись журнала' }, plural: { en: 'Audit log', ru: 'Журнал аудита' } },
  admin: {
    group: 'Settings',
    useAsTitle: 'summary',
    defaultColumns: ['at', 'user', 'action', 'summary'],
    description: {
      en: 'Every read and change of private data and consent records. Entries can never be edited or removed.',
      ru: 'Каждое чтение и изменение личных данных и записей о согласии. Записи нельзя изменить или удалить.',
    },
  },
  defaultSort: '-at',
  access: { create: nobody, delete: nobody, read: canAccessPrivateData, update: nobody },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: ['read', 'create', 'update', 'delete', 'erase'].map((value) => ({ label: value, value })),
    },
    { name: 'documentCollection', type: 'text', required: true },
    // The one document an entry is about, when it is about one (writes, single reads)...
    { name: 'document', type: 'text', index: true },
    // ...and every document it covers: a list read or a population is one entry, not one per row.
    { name: 'documents', type: 'text', hasMany: true, index: true },
    // Names of private fields (privacy/privateData.ts), never their values.
    { name: 'fields', type: 'text', hasMany: true },
    { name: 'summary', type: 'text' },
  ],
}
