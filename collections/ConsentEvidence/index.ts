import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { auditFileDownloads } from '@/privacy/audit/auditFileDownloads'
import { auditPrivateData } from '@/privacy/audit/auditPrivateData'
import { dataDir } from '@/lib/env'
import { wholeUploads } from '@/lib/uploads/wholeUploads'

import { anonymiseFilename } from '../Media/hooks/anonymiseFilename'

const audit = auditPrivateData('consent-evidence')
const staticDir = path.join(dataDir(), 'private', 'consent-evidence')

/**
 * Signed consent forms and recordings. Files live outside any public folder (or in the private
 * bucket, lib/uploads/objectStorage.ts) and are served only through Payload, which checks this
 * collection's read access (safeguarding and admins) first.
 * The whole document and its file are private: every read, download and change is audited.
 */
export const ConsentEvidence: CollectionConfig = {
  slug: 'consent-evidence',
  labels: {
    singular: { en: 'Consent evidence', ru: 'Подтверждения согласия' },
    plural: { en: 'Consent evidence', ru: 'Подтверждения согласия' },
  },
  admin: {
    group: 'People',
    useAsTitle: 'filename',
    description: { en: 'Private files: signed forms, recordings.', ru: 'Закрытые файлы: подписанные формы, записи.' },
  },
  access: {
    create: canAccessPrivateData,
    delete: canAccessPrivateData,
    read: canAccessPrivateData,
    update: canAccessPrivateData,
  },
  hooks: {
    beforeOperation: [anonymiseFilename],
    beforeChange: [wholeUploads],
    afterOperation: [audit.afterOperation],
    afterChange: [audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  upload: {
    staticDir,
    handlers: [auditFileDownloads('consent-evidence')],
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  },
  fields: [{ name: 'note', type: 'text', label: { en: 'Note', ru: 'Примечание' } }],
}
