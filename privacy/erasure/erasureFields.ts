import type { Field } from 'payload'

import { nobody } from '@/access/nobody'
import { consentFactsHidden } from '@/privacy/access/consentFactsHidden'

/**
 * The erase button and the date a person's private data was erased, for participants and
 * leaders. Only the erase endpoint sets the date.
 */
export const erasureFields: Field[] = [
  {
    name: 'erase',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '@/components/admin/EraseButton.client#EraseButton' } },
  },
  {
    name: 'erasedAt',
    type: 'date',
    label: { en: 'Private data erased on', ru: 'Личные данные удалены' },
    access: { read: consentFactsHidden, create: nobody, update: nobody },
    admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.erasedAt) },
  },
]
