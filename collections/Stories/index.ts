import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { canWriteStory } from '@/access/canWriteStory'
import { isEditor } from '@/access/isEditor'
import { publishedOrSignedIn } from '@/access/publishedOrSignedIn'
import { storyEditor } from '@/lib/richText/editor'
import { cacheTags } from '@/lib/site/cacheTags'
import { slug } from '@/fields/slug'
import { viewOnSite } from '@/fields/viewOnSite'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'

import { deriveStoryText } from './hooks/deriveStoryText'
import { signOffEndpoint } from './endpoints/signOff'
import { reviewFields } from './fields/review'
import { enforceConsent } from './hooks/enforceConsent'
import { keepContributorsToDrafts } from './hooks/keepContributorsToDrafts'
import { setPublishedAt } from './hooks/setPublishedAt'
import { trackSignOff } from './hooks/trackSignOff'

const revalidateStories = revalidateCollection(cacheTags.stories)

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: { singular: 'Story', plural: 'Stories' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'reviewStatus', '_status', 'program', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'excerpt'],
    group: 'Content',
    description: 'Stories about programs, their leaders and participants.',
  },
  defaultSort: '-publishedAt',
  access: {
    create: canWriteStory,
    delete: isEditor,
    read: publishedOrSignedIn,
    readVersions: authenticated,
    update: canWriteStory,
  },
  versions: {
    // Autosave keeps a draft as staff type; scheduled publishing runs on the jobs queue as the
    // editor who scheduled it, so the consent and sign-off gates apply at the moment it goes live.
    drafts: { autosave: { interval: 1500 }, schedulePublish: true },
    maxPerDoc: 100,
  },
  endpoints: [signOffEndpoint],
  hooks: {
    beforeOperation: [keepContributorsToDrafts],
    beforeChange: [deriveStoryText, enforceConsent, trackSignOff],
    afterChange: [revalidateStories.afterChange],
    afterDelete: [revalidateStories.afterDelete],
  },
  fields: [
    { name: 'title', type: 'text', label: 'Title', required: true, localized: true },
    // The story index uses /stories/page/2, /stories/program/… and /stories/tag/….
    slug('title', ['page', 'program', 'tag']),
    {
      name: 'excerpt',
      type: 'textarea',
      label: 'Excerpt',
      localized: true,
      maxLength: 320,
      admin: {
        description: 'Shown in lists and search results. Leave empty to use the opening of the story.',
      },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: 'Hero image',
      admin: {
        description: 'Shown at the top of the story and when it is shared. Anyone the image shows needs photo consent before the story can be published.',
      },
    },
    { name: 'body', type: 'richText', label: 'Story', required: true, localized: true, editor: storyEditor },
    {
      name: 'searchText',
      type: 'textarea',
      localized: true,
      admin: { hidden: true, description: 'The story’s plain text, kept for site search.' },
    },
    {
      name: 'program',
      type: 'relationship',
      relationTo: 'programs',
      label: 'Program',
      admin: { position: 'sidebar', description: 'The story appears on this program’s page and in its list of stories.' },
    },
    {
      name: 'featuredLeaders',
      type: 'relationship',
      relationTo: 'leaders',
      hasMany: true,
      label: 'Featured leaders',
      admin: { position: 'sidebar', description: 'Leaders this story is about. Shown by public name.' },
    },
    {
      name: 'featuredParticipants',
      type: 'relationship',
      relationTo: 'participants',
      hasMany: true,
      label: 'Featured participants',
      admin: { position: 'sidebar', description: 'Participants this story is about. Shown by public name only.' },
    },
    {
      name: 'dependsOn',
      type: 'text',
      hasMany: true,
      index: true,
      access: { read: authenticated },
      admin: {
        hidden: true,
        description: 'Who this story features, mentions or shows, kept by the consent gate.',
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: 'Publish date',
      index: true,
      hooks: { beforeChange: [setPublishedAt] },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set automatically when first published if left empty.',
      },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: 'Author',
      defaultValue: ({ user }) => user?.id,
      access: { read: authenticated },
      admin: { position: 'sidebar', description: 'Who wrote it, for the team. Never shown on the site.' },
    },
    ...reviewFields,
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      label: 'Tags',
      admin: { position: 'sidebar', description: 'Themes readers can browse by.' },
    },
    viewOnSite(),
  ],
}
