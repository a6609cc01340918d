import type { RelationshipField } from 'payload'

import { authenticated } from '@/access/authenticated'
import { nobody } from '@/access/nobody'

/**
 * Who uploaded the file: contributors may change only what they uploaded (see
 * `isEditorOrUploader`). The server sets it from the signed-in user when the file is created and
 * keeps it for good: whatever a request sends is ignored, on create and on every later update,
 * whoever asks. Staff see it; the public never learns who on the staff uploaded what.
 */
export const uploadedByField: RelationshipField = {
  name: 'uploadedBy',
  type: 'relationship',
  relationTo: 'users',
  label: { en: 'Uploaded by', ru: 'Кто загрузил' },
  access: { create: nobody, read: authenticated, update: nobody },
  hooks: {
    beforeChange: [
      ({ operation, originalDoc, req }) =>
        operation === 'create' ? (req.user?.id ?? null) : (originalDoc?.uploadedBy ?? null),
    ],
  },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: {
      en: 'Set when the file is uploaded. Contributors can change only the files they uploaded.',
      ru: 'Заполняется при загрузке. Авторы могут менять только те файлы, которые загрузили сами.',
    },
  },
}
