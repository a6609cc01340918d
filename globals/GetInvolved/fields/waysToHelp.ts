import type { Field } from 'payload'

import { helpIconOptions, helpKindOptions } from '@/lib/donors/helpKinds'
import { validateUrl } from '@/fields/url'

/**
 * Where a way to help links: a path on this site (`/programs`, shown in the reader's language),
 * a section of Get involved (`#contact`, `#give`) or another site (https://…).
 */
export function validateHelpLink(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Enter a path, a #section or a web address.'
  if (/^#[a-z][a-z0-9-]{0,63}$/.test(value)) return true
  if (value.startsWith('/')) {
    if (value.startsWith('//')) return 'Enter a path on this site starting with a single "/", e.g. /programs.'
    if (/^\/(admin|api)(\/|$)/.test(value)) return 'The admin and API are never linked from the site.'
    return true
  }
  return validateUrl(value) === true && /^https?:\/\//.test(value)
    ? true
    : 'Enter a path on this site (/programs), a section of Get involved (#contact) or a full web address (https://…).'
}

export const waysToHelp: Field = {
  name: 'waysToHelp',
  type: 'array',
  label: { en: 'Ways to help', ru: 'Как помочь' },
  labels: {
    singular: { en: 'Way to help', ru: 'Способ помочь' },
    plural: { en: 'Ways to help', ru: 'Как помочь' },
  },
  maxRows: 12,
  admin: {
    description: {
      en: 'Shown on the Get involved page, in this order. A story’s call to action to volunteer or partner leads to the first entry of that kind.',
      ru: 'Показываются на странице «Как помочь» в этом порядке. Призыв стать волонтёром или партнёром ведёт к первому пункту этого вида.',
    },
    initCollapsed: true,
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: { en: 'Kind', ru: 'Вид' },
          required: true,
          defaultValue: 'other',
          options: helpKindOptions,
        },
        {
          name: 'icon',
          type: 'select',
          label: { en: 'Icon', ru: 'Значок' },
          required: true,
          defaultValue: 'heart',
          options: helpIconOptions,
        },
      ],
    },
    { name: 'title', type: 'text', label: { en: 'Title', ru: 'Заголовок' }, required: true, localized: true },
    { name: 'text', type: 'textarea', label: { en: 'Text', ru: 'Текст' }, localized: true, maxLength: 600 },
    {
      type: 'row',
      fields: [
        {
          name: 'linkLabel',
          type: 'text',
          label: { en: 'Link label', ru: 'Текст ссылки' },
          localized: true,
          maxLength: 60,
        },
        {
          name: 'link',
          type: 'text',
          label: { en: 'Link', ru: 'Ссылка' },
          validate: validateHelpLink,
          admin: {
            description: {
              en: 'A path (/programs), a section of this page (#contact, #give) or https://…',
              ru: 'Путь (/programs), раздел этой страницы (#contact, #give) или https://…',
            },
          },
        },
      ],
    },
  ],
}
