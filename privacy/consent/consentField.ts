import type { GroupField } from 'payload'

import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { adminOption } from '@/lib/adminLanguages'
import { consentScopes, consentStatuses } from '@/privacy/consent/scopes'
import type { PrivateFieldName } from '@/privacy/privateData'

/** Declared private in privacy/privateData.ts, which the audit and erasure follow. */
const name: PrivateFieldName = 'consent'

/**
 * The consent record kept for each participant and leader. Only safeguarding staff and admins
 * read or change it; the publishing gate and the withdrawal hooks read it with system rights.
 */
export const consentField: GroupField = {
  name,
  type: 'group',
  label: { en: 'Consent', ru: 'Согласие' },
  access: { create: canAccessPrivateData, read: canAccessPrivateData, update: canAccessPrivateData },
  admin: {
    description: {
      en: 'What she has agreed to, recorded by safeguarding staff. Stories that use her in any way she has not agreed to cannot be published; withdrawing consent takes them down at once.',
      ru: 'На что она согласилась — записывает служба защиты. Истории, использующие её так, как она не соглашалась, нельзя опубликовать; отзыв согласия сразу снимает их с сайта.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          label: { en: 'Consent', ru: 'Согласие' },
          options: consentStatuses.map(adminOption),
          defaultValue: 'none',
        },
        {
          name: 'scopes',
          type: 'select',
          label: { en: 'She agrees to', ru: 'Она согласна на' },
          hasMany: true,
          options: consentScopes.map(adminOption),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'givenAt', type: 'date', label: { en: 'Date given', ru: 'Дата согласия' } },
        {
          name: 'expiresAt',
          type: 'date',
          label: { en: 'Expires on', ru: 'Действует до' },
          admin: { description: { en: 'Ask her again before this date.', ru: 'Спросите её снова до этой даты.' } },
        },
        {
          name: 'recordedBy',
          type: 'relationship',
          relationTo: 'users',
          label: { en: 'Recorded by', ru: 'Кто записал' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'withdrawnAt', type: 'date', label: { en: 'Withdrawn on', ru: 'Дата отзыва' } },
        { name: 'withdrawalReason', type: 'textarea', label: { en: 'Reason for withdrawal', ru: 'Причина отзыва' } },
      ],
    },
    {
      name: 'evidence',
      type: 'upload',
      relationTo: 'consent-evidence',
      label: { en: 'Evidence', ru: 'Подтверждение' },
      admin: {
        description: {
          en: 'Optional: a signed form or recording. Stored privately, never served to the public.',
          ru: 'Необязательно: подписанная форма или запись. Хранится закрыто и никогда не выдаётся публично.',
        },
      },
    },
  ],
}
