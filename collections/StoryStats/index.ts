import type { CollectionConfig } from 'payload'

import { isEditor } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { locales } from '@/lib/locales'
import { storyStatsSlug } from '@/lib/stats/increment'

import { exportReachCsv } from './endpoints/exportReachCsv'

/**
 * How often each story was read and its calls to action followed, per language and day: totals,
 * and nothing about any reader (no address, cookie, user agent or time of day; see
 * lib/stats/countRequest.ts). Written only by the counting endpoint, with atomic increments
 * (lib/stats/increment.ts); editors and admins read it, nobody edits it.
 */
export const StoryStats: CollectionConfig = {
  slug: storyStatsSlug,
  labels: {
    singular: { en: 'Story statistics', ru: 'Статистика истории' },
    plural: { en: 'Story statistics', ru: 'Статистика историй' },
  },
  admin: {
    group: 'Content',
    useAsTitle: 'day',
    defaultColumns: ['day', 'story', 'locale', 'views', 'clicks'],
    description: {
      en: 'Views and call-to-action clicks per story, language and day, counted without cookies or anything that identifies a reader. The dashboard sums the last 30 days.',
      ru: 'Просмотры и переходы по призывам к действию по историям, языкам и дням, без cookies и без данных, по которым можно узнать читателя. Сводка за 30 дней — на главной странице админки.',
    },
  },
  defaultSort: '-day',
  // Times would say when someone read a story; a day is all the totals need.
  timestamps: false,
  // Read in the admin and as CSV; no other API needs it.
  graphQL: false,
  access: { create: nobody, read: isEditor, update: nobody, delete: nobody },
  endpoints: [exportReachCsv],
  // One row per story, language and day: the row every increment adds to.
  indexes: [{ fields: ['story', 'locale', 'day'], unique: true }],
  fields: [
    {
      name: 'story',
      type: 'relationship',
      relationTo: 'stories',
      required: true,
      label: { en: 'Story', ru: 'История' },
      admin: { readOnly: true },
    },
    {
      name: 'locale',
      type: 'select',
      required: true,
      label: { en: 'Language', ru: 'Язык' },
      options: locales.map(({ code, label }) => ({ value: code, label })),
      admin: { readOnly: true },
    },
    {
      name: 'day',
      type: 'text',
      required: true,
      index: true,
      label: { en: 'Day', ru: 'День' },
      admin: {
        readOnly: true,
        description: {
          en: 'In the site’s time zone (site settings).',
          ru: 'По часовому поясу сайта (настройки сайта).',
        },
      },
    },
    {
      name: 'views',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: { en: 'Views', ru: 'Просмотры' },
      admin: { readOnly: true },
    },
    {
      name: 'clicks',
      type: 'number',
      required: true,
      defaultValue: 0,
      label: { en: 'Clicks', ru: 'Переходы' },
      admin: { readOnly: true },
    },
  ],
}
