import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { publishedOrSignedIn } from '@/access/publishedOrSignedIn'
import { slug } from '@/fields/slug'
import { viewOnSite } from '@/fields/viewOnSite'

const revalidatePrograms = revalidateCollection(cacheTags.programs)

export const Programs: CollectionConfig = {
  slug: 'programs',
  labels: { singular: 'Program', plural: 'Programs' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'location', 'status', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
    group: 'Content',
    description: 'The organisation’s programs: what they are, where and how often they meet, and what they achieve.',
  },
  access: {
    create: isEditor,
    delete: isEditor,
    read: publishedOrSignedIn,
    readVersions: authenticated,
    update: isEditor,
  },
  hooks: {
    afterChange: [revalidatePrograms.afterChange],
    afterDelete: [revalidatePrograms.afterDelete],
  },
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, localized: true },
    slug('name'),
    {
      name: 'summary',
      type: 'textarea',
      label: 'Summary',
      localized: true,
      maxLength: 320,
      admin: { description: 'One or two sentences shown on cards and in search results.' },
    },
    { name: 'description', type: 'richText', label: 'Description', localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'location',
          type: 'text',
          label: 'Location',
          localized: true,
          admin: { description: 'Where groups meet, e.g. "Almaty and nearby villages". No street addresses.' },
        },
        {
          name: 'audience',
          type: 'text',
          label: 'Who it is for',
          localized: true,
          admin: { description: 'e.g. "Women aged 30–50 who are raising children alone".' },
        },
      ],
    },
    {
      name: 'meetingSchedule',
      type: 'text',
      label: 'Meeting schedule',
      localized: true,
      admin: { description: 'e.g. "Weekly, in small groups".' },
    },
    {
      name: 'lessonTopics',
      type: 'array',
      label: 'Lesson topics',
      labels: { singular: 'Topic', plural: 'Topics' },
      admin: { description: 'The subjects the weekly lessons cover.' },
      fields: [
        { name: 'topic', type: 'text', label: 'Topic', required: true, localized: true },
        { name: 'description', type: 'textarea', label: 'What it covers', localized: true },
      ],
    },
    {
      name: 'impactFigures',
      type: 'array',
      label: 'Impact figures',
      labels: { singular: 'Figure', plural: 'Figures' },
      admin: { description: 'Headline numbers, e.g. value "200" with label "women in Almaty groups".' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'value', type: 'text', label: 'Value', required: true, admin: { width: '30%' } },
            { name: 'label', type: 'text', label: 'Label', required: true, localized: true },
          ],
        },
      ],
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: 'Hero image' },
    {
      name: 'leaders',
      type: 'join',
      collection: 'leaders',
      on: 'programs',
      label: 'Leaders',
      admin: { description: 'Leaders are linked to programs from each leader’s page.' },
    },
    {
      name: 'status',
      type: 'select',
      label: 'Program status',
      required: true,
      defaultValue: 'active',
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Archived', value: 'archived' },
      ],
      admin: {
        position: 'sidebar',
        description: 'Archived programs stay on the site with their stories but are no longer listed as running.',
      },
    },
    viewOnSite(),
  ],
}
