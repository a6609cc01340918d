import type { Field } from 'payload'

import { authenticated } from '@/access/authenticated'
import { nobody } from '@/access/nobody'
import { reviewStatuses } from '@/lib/workflow/reviewStatus'

/**
 * The review trail: where the story stands, and the safeguarding sign-off on its current
 * content. Staff only; visitors never see either. Only the sign-off endpoint writes the sign-off.
 */
export const reviewFields: Field[] = [
  {
    name: 'reviewStatus',
    type: 'select',
    label: 'Review status',
    defaultValue: 'draft',
    index: true,
    options: reviewStatuses.map(({ value, label }) => ({ value, label })),
    access: { read: authenticated },
    admin: {
      position: 'sidebar',
      description: 'Contributors set "In review" when a story is ready; an editor approves and publishes it.',
    },
  },
  {
    name: 'signOffPanel',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '@/components/admin/SignOffPanel.client#SignOffPanel' } },
  },
  {
    name: 'signOff',
    type: 'group',
    label: 'Safeguarding sign-off',
    access: { read: authenticated, create: nobody, update: nobody },
    admin: { hidden: true },
    fields: [
      { name: 'signedOffBy', type: 'relationship', relationTo: 'users', label: 'Signed off by' },
      {
        name: 'signedOffByName',
        type: 'text',
        label: 'Signed off by (name)',
        admin: { description: 'Kept as it was when she signed, for the record.' },
      },
      { name: 'signedOffAt', type: 'date', label: 'Signed off at', index: true },
    ],
  },
]
