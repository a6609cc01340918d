import type { Block } from 'payload'

import { ctaTargetOptions } from '@/lib/donors/targets'

/**
 * A call to action an editor places in a story or program body: a heading, a line of text and
 * a button to Get involved, at the section it names. The button carries the story or program it
 * was clicked on (lib/donors/ctaHref.ts), so Get involved can say where the donor came from.
 */
export const CallToAction: Block = {
  slug: 'callToAction',
  interfaceName: 'CallToActionBlock',
  labels: {
    singular: { en: 'Call to action', ru: 'Призыв к действию' },
    plural: { en: 'Calls to action', ru: 'Призывы к действию' },
  },
  fields: [
    { name: 'heading', type: 'text', label: { en: 'Heading', ru: 'Заголовок' }, required: true, maxLength: 120 },
    { name: 'text', type: 'textarea', label: { en: 'Text', ru: 'Текст' }, maxLength: 400 },
    {
      type: 'row',
      fields: [
        {
          name: 'buttonLabel',
          type: 'text',
          label: { en: 'Button label', ru: 'Надпись на кнопке' },
          required: true,
          maxLength: 60,
        },
        {
          name: 'target',
          type: 'select',
          label: { en: 'Leads to', ru: 'Ведёт к' },
          required: true,
          defaultValue: 'give',
          options: ctaTargetOptions,
          admin: {
            description: {
              en: 'The section of Get involved the button opens.',
              ru: 'Раздел страницы «Как помочь», который откроет кнопка.',
            },
          },
        },
      ],
    },
  ],
}
