import type { Block } from 'payload'

/** A short quotation set large in the middle of a story. */
export const PullQuote: Block = {
  slug: 'pullQuote',
  interfaceName: 'PullQuoteBlock',
  labels: { singular: 'Pull quote', plural: 'Pull quotes' },
  fields: [
    {
      name: 'quote',
      type: 'textarea',
      label: 'Quote',
      required: true,
      maxLength: 280,
      admin: { description: 'A sentence or two from the story. Never include anything that could identify her.' },
    },
    {
      name: 'attribution',
      type: 'text',
      label: 'Attribution',
      admin: { description: 'Optional, e.g. a public name or "a participant".' },
    },
  ],
}
