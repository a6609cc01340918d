import type { Block } from 'payload'

/**
 * An inline reference to a leader or participant. Editors never type a person's name into a
 * story: the site renders this as her current public name, or a neutral phrase when she has not
 * agreed to be named. In the editor the chip shows that name too, muted when the site will not
 * name her (Label.tsx); typing `@` and part of a name inserts one (lib/richText/mentions).
 */
export const PersonMention: Block = {
  slug: 'personMention',
  interfaceName: 'PersonMentionBlock',
  labels: { singular: { en: 'Person', ru: 'Человек' }, plural: { en: 'People', ru: 'Люди' } },
  admin: {
    components: {
      Block: '@/blocks/PersonMention/Block.client#PersonMentionBlock',
      Label: '@/blocks/PersonMention/Label#PersonMentionLabel',
    },
  },
  fields: [
    {
      name: 'person',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      required: true,
      label: { en: 'Person', ru: 'Человек' },
      admin: {
        description: {
          en: 'Shown on the site by her public name only.',
          ru: 'На сайте показывается только её публичное имя.',
        },
      },
    },
  ],
}
