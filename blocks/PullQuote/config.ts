import type { Block } from 'payload'

/**
 * A short quotation set large in the middle of a story. Its attribution is never free text, a
 * path by which a real name could reach the page: it points at the person who said it, shown by
 * her public name (or a neutral phrase when she may not be named), and the story can only be
 * published with her consent to be quoted. Without a speaker it reads as an anonymous phrase.
 */
export const PullQuote: Block = {
  slug: 'pullQuote',
  interfaceName: 'PullQuoteBlock',
  labels: { singular: { en: 'Pull quote', ru: 'Цитата' }, plural: { en: 'Pull quotes', ru: 'Цитаты' } },
  fields: [
    {
      name: 'quote',
      type: 'textarea',
      label: { en: 'Quote', ru: 'Цитата' },
      required: true,
      maxLength: 280,
      admin: {
        description: {
          en: 'A sentence or two from the story. Never include anything that could identify her.',
          ru: 'Одно-два предложения из истории. Ничего, по чему её можно узнать.',
        },
      },
    },
    {
      name: 'speaker',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      label: { en: 'Who said it', ru: 'Кто это сказал' },
      admin: {
        description: {
          en: 'Shown by her public name. The story needs her consent to be quoted before it can be published.',
          ru: 'Показывается по публичному имени. Для публикации нужно её согласие на цитирование.',
        },
      },
    },
    {
      name: 'anonymousAttribution',
      type: 'select',
      label: { en: 'Or attribute it to', ru: 'Или подписать как' },
      options: [
        { value: 'participant', label: { en: 'A participant', ru: 'Участница' } },
        { value: 'leader', label: { en: 'A group leader', ru: 'Ведущая группы' } },
      ],
      admin: {
        condition: (_, siblingData) => !siblingData?.speaker,
        description: { en: 'When the quote names nobody.', ru: 'Если цитата ни на кого не указывает.' },
      },
    },
  ],
}
