import type { CollectionConfig } from 'payload'

import { refuseReferencesNotAllowed } from '@/lib/richText/documentReferences'
import { refuseUnsafeLinks } from '@/lib/richText/safeLinks'
import { authenticated } from '@/access/authenticated'
import { canWriteStory } from '@/access/canWriteStory'
import { authorIsSelfOrEditor } from '@/access/authorIsSelfOrEditor'
import { isEditor, isEditorField } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { publishedOrSignedIn } from '@/access/publishedOrSignedIn'
import { storyEditor } from '@/lib/richText/editor'
import { slug } from '@/fields/slug'
import { reachColumn } from '@/fields/reachColumn'
import { viewOnSite } from '@/fields/viewOnSite'
import { keepOldUrls } from '@/collections/Redirects/hooks/keepOldUrls'

import { derivedList } from '@/privacy/content/derivedList'
import { noteWrite } from '@/privacy/content/documentAsSaved'
import { deriveStoryText } from '@/privacy/names/deriveStoryText'
import { participantRefsForStaffAndSite } from '@/privacy/access/participantRefsForStaffAndSite'
import { hideParticipantRefs } from '@/privacy/references/hideParticipantRefs'
import { refreshMediaOfDocument } from '@/privacy/media/hooks'
import { applyPublishingPolicy, contributorsWriteDrafts } from '@/privacy/publishing/policy'
import { publishCheckEndpoint } from '@/privacy/publishing/publishCheckEndpoint'
import { signOffEndpoint } from '@/privacy/publishing/signOffEndpoint'

import { reviewFields } from './fields/review'
import { deleteStoryStats } from './hooks/deleteStoryStats'
import { noteWhatTheEditorSaw, refuseStaleEdits } from './hooks/refuseStaleEdits'
import { rememberStoredStory, revalidateDeletedStory, revalidateStory } from './hooks/revalidateStory'
import { setPublishedAt } from './hooks/setPublishedAt'
import { visitorsReadPublished } from '@/hooks/visitorsReadPublished'

const oldStoryUrls = keepOldUrls('stories')

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: { singular: { en: 'Story', ru: 'История' }, plural: { en: 'Stories', ru: 'Истории' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: [
      'title',
      'reviewStatus',
      '_status',
      'program',
      'publishedAt',
      'recentViews',
      'recentClicks',
      'updatedAt',
    ],
    listSearchableFields: ['title', 'slug', 'excerpt'],
    group: 'Content',
    // Payload's Publish button, with the schedule drawer showing why a schedule was refused.
    components: { edit: { PublishButton: '@/components/admin/PublishButton.client#PublishButton' } },
    description: {
      en: 'Stories about programs, their leaders and participants.',
      ru: 'Истории о программах, их ведущих и участницах.',
    },
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
  endpoints: [signOffEndpoint, publishCheckEndpoint],
  hooks: {
    beforeOperation: [noteWrite('stories'), contributorsWriteDrafts, noteWhatTheEditorSaw, visitorsReadPublished],
    // A save over what someone else saved meanwhile is refused first; then derived text: the
    // publishing policy judges the excerpt the story will really have.
    beforeChange: [
      rememberStoredStory,
      refuseStaleEdits,
      refuseUnsafeLinks(['body']),
      refuseReferencesNotAllowed(['body']),
      deriveStoryText,
      applyPublishingPolicy('stories'),
      oldStoryUrls.beforeChange,
    ],
    // A published story whose slug changed keeps its old URL (collections/Redirects).
    afterChange: [revalidateStory, refreshMediaOfDocument.afterChange, oldStoryUrls.afterChange],
    beforeDelete: [deleteStoryStats, oldStoryUrls.beforeDelete],
    afterDelete: [revalidateDeletedStory, refreshMediaOfDocument.afterDelete],
    // Last, after population: outsiders learn no participant's ID from a story.
    afterRead: [hideParticipantRefs],
  },
  fields: [
    { name: 'title', type: 'text', label: { en: 'Title', ru: 'Заголовок' }, required: true, localized: true },
    // The story index uses /stories/page/2, /stories/program/… and /stories/tag/….
    slug('title', ['page', 'program', 'tag']),
    {
      name: 'excerpt',
      type: 'textarea',
      label: { en: 'Excerpt', ru: 'Анонс' },
      localized: true,
      maxLength: 320,
      admin: {
        description: {
          en: 'Shown in lists and search results. Leave empty to use the opening of the story.',
          ru: 'Показывается в списках и в поиске. Если оставить пустым, возьмётся начало истории.',
        },
      },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: { en: 'Hero image', ru: 'Главное изображение' },
      admin: {
        description: {
          en: 'Shown at the top of the story and when it is shared. Anyone the image shows needs photo consent before the story can be published.',
          ru: 'Показывается вверху истории и при репостах. Каждая, кто есть на снимке, должна дать согласие на фото до публикации.',
        },
      },
    },
    {
      name: 'body',
      type: 'richText',
      label: { en: 'Story', ru: 'История' },
      required: true,
      localized: true,
      editor: storyEditor,
      // Compared versions show each mention by her public name, as the editor does.
      admin: { components: { Diff: '@/blocks/PersonMention/Diff#BodyDiffWithMentions' } },
    },
    {
      name: 'searchText',
      type: 'textarea',
      localized: true,
      admin: {
        hidden: true,
        description: {
          en: 'The story’s plain text, kept for site search.',
          ru: 'Текст истории без оформления, для поиска по сайту.',
        },
      },
    },
    {
      name: 'searchIndex',
      type: 'textarea',
      localized: true,
      // Public text only (title, excerpt, plain text), folded; visitors' searches query it.
      access: { create: nobody, update: nobody },
      admin: {
        hidden: true,
        description: {
          en: 'The title, excerpt and text folded for search (any case, ё as е), kept by Voices.',
          ru: 'Заголовок, анонс и текст для поиска (без учёта регистра, ё как е); ведётся автоматически.',
        },
      },
    },
    {
      name: 'program',
      type: 'relationship',
      relationTo: 'programs',
      label: { en: 'Program', ru: 'Программа' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'The story appears on this program’s page and in its list of stories.',
          ru: 'История появится на странице этой программы и в её списке историй.',
        },
      },
    },
    {
      name: 'featuredLeaders',
      type: 'relationship',
      relationTo: 'leaders',
      hasMany: true,
      label: { en: 'Featured leaders', ru: 'Ведущие в истории' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Leaders this story is about. Shown by public name.',
          ru: 'Ведущие, о которых эта история. Показываются по публичному имени.',
        },
      },
    },
    {
      name: 'featuredParticipants',
      type: 'relationship',
      relationTo: 'participants',
      hasMany: true,
      label: { en: 'Featured participants', ru: 'Участницы в истории' },
      access: { read: participantRefsForStaffAndSite },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Participants this story is about. Shown by public name only.',
          ru: 'Участницы, о которых эта история. Показываются только по публичному имени.',
        },
      },
    },
    {
      name: 'personalDetailsOf',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      hasMany: true,
      label: { en: 'Tells personal details of', ru: 'Рассказывает личные подробности' },
      access: { read: authenticated },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Anyone whose personal details (family situation, health, history) this story tells, named or not. It can only be published once each of them has agreed to that.',
          ru: 'Все, чьи личные подробности (семейное положение, здоровье, история) рассказывает эта история, по имени или без. Её можно опубликовать, только когда каждая на это согласится.',
        },
      },
    },
    derivedList('dependsOn', {
      en: 'Who this story features, mentions, quotes, tells about or shows, kept by the publishing policy.',
      ru: 'Кого история показывает, упоминает, цитирует или о ком рассказывает; ведётся правилами публикации.',
    }),
    derivedList('mediaUsed', {
      en: 'Every image the story can show (hero, body, share image) in any language, kept by the publishing policy.',
      ru: 'Все изображения, которые история может показать (главное, в тексте, для соцсетей), на любом языке.',
    }),
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Publish date', ru: 'Дата публикации' },
      index: true,
      hooks: { beforeChange: [setPublishedAt] },
      // When a story went live is the publisher's to say, like whether it goes live.
      access: { create: isEditorField, update: isEditorField },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          en: 'Set automatically when first published if left empty.',
          ru: 'Если не заполнено, ставится автоматически при первой публикации.',
        },
      },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: { en: 'Author', ru: 'Автор' },
      defaultValue: ({ user }) => user?.id,
      access: { read: authenticated, create: authorIsSelfOrEditor, update: isEditorField },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Who wrote it, for the team. Never shown on the site.',
          ru: 'Кто написал — для команды. На сайте не показывается.',
        },
      },
    },
    ...reviewFields,
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      label: { en: 'Tags', ru: 'Темы' },
      admin: {
        position: 'sidebar',
        description: { en: 'Themes readers can browse by.', ru: 'Темы, по которым читатели могут искать истории.' },
      },
    },
    viewOnSite(),
    // Counted without tracking anyone (lib/stats); shown to editors and admins.
    reachColumn('recentViews', 'views', { en: 'Views (30 days)', ru: 'Просмотры (30 дней)' }),
    reachColumn('recentClicks', 'clicks', { en: 'Clicks (30 days)', ru: 'Переходы (30 дней)' }),
  ],
}
