import type { Field } from 'payload'

import { nobody } from '@/access/nobody'

/**
 * The published story or program a supporter came from (the `from` of "Get involved" links,
 * lib/donors/resolveFrom.ts), for counting which stories move people. Set by the server when
 * the form is sent; nobody changes it afterwards.
 */
export function cameFromFields(): Field[] {
  return [
    {
      name: 'story',
      type: 'relationship',
      relationTo: 'stories',
      index: true,
      label: { en: 'Came from story', ru: 'Пришли из истории' },
      access: { update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'program',
      type: 'relationship',
      relationTo: 'programs',
      index: true,
      label: { en: 'Came from program', ru: 'Пришли из программы' },
      access: { update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
  ]
}
