import type { Block } from 'payload'

/**
 * An inline reference to a leader or participant. Editors never type a person's name into a
 * story: the site renders this as her current public name, or a neutral phrase when she has not
 * agreed to be named.
 */
export const PersonMention: Block = {
  slug: 'personMention',
  interfaceName: 'PersonMentionBlock',
  labels: { singular: 'Person', plural: 'People' },
  fields: [
    {
      name: 'person',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      required: true,
      label: 'Person',
      admin: { description: 'Shown on the site by her public name only.' },
    },
  ],
}
