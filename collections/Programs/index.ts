import type { CollectionConfig } from 'payload'

import { refuseReferencesNotAllowed } from '@/lib/richText/documentReferences'
import { refuseUnsafeLinks } from '@/lib/richText/safeLinks'
import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { keepOldUrls } from '@/collections/Redirects/hooks/keepOldUrls'
import { cacheTags } from '@/lib/site/cacheTags'
import { publishedOrSignedIn } from '@/access/publishedOrSignedIn'
import { slug } from '@/fields/slug'
import { viewOnSite } from '@/fields/viewOnSite'
import { derivedList } from '@/privacy/content/derivedList'
import { noteWrite } from '@/privacy/content/documentAsSaved'
import { refreshMediaOfDocument } from '@/privacy/media/hooks'
import { applyPublishingPolicy } from '@/privacy/publishing/policy'
import { programEditor } from '@/lib/richText/editor'
import { visitorsReadPublished } from '@/hooks/visitorsReadPublished'

const revalidatePrograms = revalidateCollection(cacheTags.programs)
const oldProgramUrls = keepOldUrls('programs')

export const Programs: CollectionConfig = {
  slug: 'programs',
  labels: { singular: { en: 'Program', ru: 'Программа' }, plural: { en: 'Programs', ru: 'Программы' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'location', 'status', '_status', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
    group: 'Content',
    description: {
      en: 'The organisation’s programs: what they are, where and how often they meet, and what they achieve.',
      ru: 'Программы организации: что это, где и как часто проходят встречи и каких результатов они достигают.',
    },
  },
  access: {
    create: isEditor,
    delete: isEditor,
    read: publishedOrSignedIn,
    readVersions: authenticated,
    update: isEditor,
  },
  hooks: {
    beforeOperation: [noteWrite('programs'), visitorsReadPublished],
    // Photos on a program page need the consent of everyone they show, like a story's.
    beforeChange: [
      refuseUnsafeLinks(['description']),
      refuseReferencesNotAllowed(['description']),
      applyPublishingPolicy('programs'),
      oldProgramUrls.beforeChange,
    ],
    // A published program whose slug changed keeps its old URL (collections/Redirects).
    afterChange: [revalidatePrograms.afterChange, refreshMediaOfDocument.afterChange, oldProgramUrls.afterChange],
    beforeDelete: [oldProgramUrls.beforeDelete],
    afterDelete: [revalidatePrograms.afterDelete, refreshMediaOfDocument.afterDelete],
  },
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', ru: 'Название' }, required: true, localized: true },
    slug('name'),
    {
      name: 'summary',
      type: 'textarea',
      label: { en: 'Summary', ru: 'Кратко' },
      localized: true,
      maxLength: 320,
      admin: {
        description: {
          en: 'One or two sentences shown on cards and in search results.',
          ru: 'Одно-два предложения для карточек и результатов поиска.',
        },
      },
    },
    {
      name: 'description',
      type: 'richText',
      label: { en: 'Description', ru: 'Описание' },
      localized: true,
      editor: programEditor,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'location',
          type: 'text',
          label: { en: 'Location', ru: 'Место' },
          localized: true,
          admin: {
            description: {
              en: 'Where groups meet, e.g. "Almaty and nearby villages". No street addresses.',
              ru: 'Где проходят встречи, например «Алматы и ближайшие сёла». Без адресов.',
            },
          },
        },
        {
          name: 'audience',
          type: 'text',
          label: { en: 'Who it is for', ru: 'Для кого' },
          localized: true,
          admin: {
            description: {
              en: 'e.g. "Women aged 30–50 who are raising children alone".',
              ru: 'например «Женщины 30–50 лет, которые одни воспитывают детей».',
            },
          },
        },
      ],
    },
    {
      name: 'meetingSchedule',
      type: 'text',
      label: { en: 'Meeting schedule', ru: 'Расписание встреч' },
      localized: true,
      admin: {
        description: { en: 'e.g. "Weekly, in small groups".', ru: 'например «Раз в неделю, небольшими группами».' },
      },
    },
    {
      name: 'lessonTopics',
      type: 'array',
      label: { en: 'Lesson topics', ru: 'Темы занятий' },
      labels: { singular: { en: 'Topic', ru: 'Тема' }, plural: { en: 'Topics', ru: 'Темы занятий' } },
      admin: { description: { en: 'The subjects the weekly lessons cover.', ru: 'Темы еженедельных занятий.' } },
      fields: [
        { name: 'topic', type: 'text', label: { en: 'Topic', ru: 'Тема' }, required: true, localized: true },
        {
          name: 'description',
          type: 'textarea',
          label: { en: 'What it covers', ru: 'О чём занятие' },
          localized: true,
        },
      ],
    },
    {
      name: 'impactFigures',
      type: 'array',
      label: { en: 'Impact figures', ru: 'Результаты в цифрах' },
      labels: { singular: { en: 'Figure', ru: 'Показатель' }, plural: { en: 'Figures', ru: 'Показатели' } },
      admin: {
        description: {
          en: 'Headline numbers, e.g. value "200" with label "women in Almaty groups".',
          ru: 'Главные цифры, например значение «200» с подписью «женщин в группах Алматы».',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'value',
              type: 'text',
              label: { en: 'Value', ru: 'Значение' },
              required: true,
              admin: { width: '30%' },
            },
            { name: 'label', type: 'text', label: { en: 'Label', ru: 'Подпись' }, required: true, localized: true },
          ],
        },
      ],
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: { en: 'Hero image', ru: 'Главное изображение' } },
    {
      name: 'leaders',
      type: 'join',
      collection: 'leaders',
      on: 'programs',
      label: { en: 'Leaders', ru: 'Ведущие' },
      admin: {
        description: {
          en: 'Leaders are linked to programs from each leader’s page.',
          ru: 'Ведущие привязываются к программам на странице каждой ведущей.',
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      label: { en: 'Program status', ru: 'Статус программы' },
      required: true,
      defaultValue: 'active',
      options: [
        { label: { en: 'Active', ru: 'Действует' }, value: 'active' },
        { label: { en: 'Archived', ru: 'В архиве' }, value: 'archived' },
      ],
      admin: {
        position: 'sidebar',
        description: {
          en: 'Archived programs stay on the site with their stories but are no longer listed as running.',
          ru: 'Программы в архиве остаются на сайте со своими историями, но больше не значатся действующими.',
        },
      },
    },
    derivedList('mediaUsed', {
      en: 'Every image the program page can show (hero, description, share image) in any language.',
      ru: 'Все изображения, которые может показать страница программы (главное, в описании, для соцсетей).',
    }),
    viewOnSite(),
  ],
}
