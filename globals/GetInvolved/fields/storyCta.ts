import type { Field } from 'payload'

import { ctaTargetOptions } from '@/lib/donors/targets'

/**
 * The call to action under every story (and on program pages and the home page). Each text left
 * empty in a language shows the built-in wording of that language (lib/i18n/messages).
 */
export const storyCta: Field = {
  name: 'storyCta',
  type: 'group',
  label: { en: 'Call to action under stories', ru: 'Призыв под историями' },
  admin: {
    description: {
      en: 'Shown at the end of every story, on program pages and on the home page. Leave a text empty to use the built-in wording.',
      ru: 'Показывается в конце каждой истории, на страницах программ и на главной. Пустое поле — встроенный текст.',
    },
  },
  fields: [
    {
      name: 'heading',
      type: 'text',
      label: { en: 'Heading', ru: 'Заголовок' },
      localized: true,
      maxLength: 120,
    },
    { name: 'text', type: 'textarea', label: { en: 'Text', ru: 'Текст' }, localized: true, maxLength: 400 },
    {
      name: 'buttonLabel',
      type: 'text',
      label: { en: 'Button label', ru: 'Надпись на кнопке' },
      localized: true,
      maxLength: 60,
    },
    {
      name: 'target',
      type: 'select',
      label: { en: 'Leads to', ru: 'Ведёт к' },
      required: true,
      defaultValue: 'give',
      options: ctaTargetOptions,
    },
  ],
}
