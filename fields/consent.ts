import type { GroupField } from 'payload'

import { canAccessPrivateFields } from '@/access/canAccessPrivateFields'
import { consentScopes, consentStatuses } from '@/lib/consent/scopes'

/**
 * The consent record kept for each participant and leader. Only safeguarding staff and admins
 * read or change it; the publishing gate and the withdrawal hooks read it with system rights.
 */
export const consentField: GroupField = {
  name: 'consent',
  type: 'group',
  label: 'Consent',
  access: { create: canAccessPrivateFields, read: canAccessPrivateFields, update: canAccessPrivateFields },
  admin: {
    description:
      'What she has agreed to, recorded by safeguarding staff. Stories that use her in any way she has not agreed to cannot be published; withdrawing consent takes them down at once.',
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', label: 'Consent', options: [...consentStatuses], defaultValue: 'none' },
        {
          name: 'scopes',
          type: 'select',
          label: 'She agrees to',
          hasMany: true,
          options: [...consentScopes],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'givenAt', type: 'date', label: 'Date given' },
        { name: 'expiresAt', type: 'date', label: 'Expires on', admin: { description: 'Ask her again before this date.' } },
        { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: 'Recorded by' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'withdrawnAt', type: 'date', label: 'Withdrawn on' },
        { name: 'withdrawalReason', type: 'textarea', label: 'Reason for withdrawal' },
      ],
    },
    {
      name: 'evidence',
      type: 'upload',
      relationTo: 'consent-evidence',
      label: 'Evidence',
      admin: { description: 'Optional: a signed form or recording. Stored privately, never served to the public.' },
    },
  ],
}
