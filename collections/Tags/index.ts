import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { slug } from '@/fields/slug'

const revalidateTags = revalidateCollection(cacheTags.tags)

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: { en: 'Tag', ru: 'Тема' }, plural: { en: 'Tags', ru: 'Темы' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug'],
    listSearchableFields: ['name', 'slug'],
    group: 'Content',
  },
  defaultSort: 'name',
  access: {
    create: isEditor,
    delete: isEditor,
    read: anyone,
    update: isEditor,
  },
  hooks: {
    afterChange: [revalidateTags.afterChange],
    afterDelete: [revalidateTags.afterDelete],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { en: 'Name', ru: 'Название' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'A theme readers can browse by, e.g. "Parenting" or "Safety".',
          ru: 'Тема, по которой читатели могут искать истории, например «Материнство» или «Безопасность».',
        },
      },
    },
    slug('name'),
  ],
}
