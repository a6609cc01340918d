import type { Field } from 'payload'

import { authenticated } from '@/access/authenticated'
import { nobody } from '@/access/nobody'
import { adminOption } from '@/lib/adminLanguages'
import { reviewStatuses } from '@/lib/workflow/reviewStatus'

/**
 * The review trail: where the story stands, and the safeguarding sign-off on its current
 * content. Staff only; visitors never see either. Only the sign-off endpoint writes the sign-off.
 */
export const reviewFields: Field[] = [
  {
    name: 'reviewStatus',
    type: 'select',
    label: { en: 'Review status', ru: 'Статус проверки' },
    defaultValue: 'draft',
    index: true,
    options: reviewStatuses.map(adminOption),
    access: { read: authenticated },
    admin: {
      position: 'sidebar',
      description: {
        en: 'Contributors set "In review" when a story is ready; an editor approves and publishes it.',
        ru: 'Когда история готова, автор ставит «На проверке»; редактор одобряет и публикует её.',
      },
    },
  },
  {
    name: 'signOffPanel',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '@/components/admin/SignOffPanel.client#SignOffPanel' } },
  },
  {
    name: 'publishChecks',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '@/components/admin/PublishChecks.client#PublishChecks' } },
  },
  {
    name: 'signOff',
    type: 'group',
    label: { en: 'Safeguarding sign-off', ru: 'Одобрение службы защиты' },
    access: { read: authenticated, create: nobody, update: nobody },
    admin: { hidden: true },
    fields: [
      {
        name: 'signedOffBy',
        type: 'relationship',
        relationTo: 'users',
        label: { en: 'Signed off by', ru: 'Кто одобрил' },
      },
      {
        name: 'signedOffByName',
        type: 'text',
        label: { en: 'Signed off by (name)', ru: 'Кто одобрил (имя)' },
        admin: {
          description: {
            en: 'Kept as it was when she signed, for the record.',
            ru: 'Сохраняется таким, каким было при одобрении.',
          },
        },
      },
      { name: 'signedOffAt', type: 'date', label: { en: 'Signed off at', ru: 'Когда одобрено' }, index: true },
      {
        name: 'version',
        type: 'text',
        label: { en: 'Version reviewed', ru: 'Проверенная версия' },
        admin: {
          description: {
            en: 'The saved version safeguarding reviewed.',
            ru: 'Сохранённая версия, которую проверила служба защиты.',
          },
        },
      },
      {
        name: 'digest',
        type: 'text',
        label: { en: 'Content signed', ru: 'Одобренное содержание' },
        admin: {
          description: {
            en: 'A fingerprint of everything the public reads in that version; the sign-off holds only while the story still matches it.',
            ru: 'Отпечаток всего, что читатели видят в этой версии; одобрение действует, пока история ему соответствует.',
          },
        },
      },
    ],
  },
  {
    // Written only by a consent takedown, through the database adapter; nothing else sets it.
    // A list (kept in the table that holds the story's other lists) rather than one date: every
    // takedown stays on record, and no new column is needed.
    name: 'takedowns',
    type: 'text',
    hasMany: true,
    label: { en: 'Taken down for consent', ru: 'Снята из-за согласия' },
    access: { read: authenticated, create: nobody, update: nobody },
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Array.isArray(data?.takedowns) && data.takedowns.length > 0,
      description: {
        en: 'When a withdrawn or expired consent took it down (UTC). A sign-off given before the last one no longer holds: it goes live again only through review and a new sign-off.',
        ru: 'Когда её сняли из-за отозванного или истёкшего согласия (UTC). Одобрение, данное до последнего снятия, больше не действует: снова опубликовать её можно только после проверки и нового одобрения.',
      },
    },
  },
]
