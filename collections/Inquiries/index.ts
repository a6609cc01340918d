import type { CollectionConfig } from 'payload'

import { handlesSupporters } from '@/access/handlesSupporters'
import { nobody } from '@/access/nobody'
import { cameFromFields } from '@/fields/cameFrom'
import { interests } from '@/lib/inquiries/validate'
import { locales } from '@/lib/locales'

import { exportInquiriesCsv } from './endpoints/exportCsv'
import { queueInquiryNotification } from './hooks/queueNotification'

const interestLabels = {
  volunteer: { en: 'Volunteering', ru: 'Волонтёрство' },
  partner: { en: 'Partnering', ru: 'Сотрудничество' },
  question: { en: 'A question', ru: 'Вопрос' },
} as const

/** What a supporter sent stays as she sent it: staff answer, assign and close, never rewrite. */
const asSent = { update: nobody }

/**
 * Messages from the "Write to us" form on Get involved: volunteering, partnering, questions.
 * Only the public form creates them (lib/inquiries/submit.ts, after its abuse checks); through
 * REST, GraphQL or the admin nobody can. Editors and admins read and answer them.
 */
export const Inquiries: CollectionConfig = {
  slug: 'inquiries',
  labels: { singular: { en: 'Inquiry', ru: 'Обращение' }, plural: { en: 'Inquiries', ru: 'Обращения' } },
  admin: {
    group: { en: 'Supporters', ru: 'Сторонники' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'interest', 'status', 'assignee', 'story', 'createdAt'],
    listSearchableFields: ['name', 'email', 'message'],
    description: {
      en: 'Messages sent through "Write to us" on the Get involved page. Each one is also e-mailed to the contact address in site settings.',
      ru: 'Сообщения, отправленные через «Напишите нам» на странице «Помочь». Каждое также приходит на контактный адрес из настроек сайта.',
    },
    components: { beforeListTable: ['@/components/admin/ExportInquiries.client#ExportInquiries'] },
  },
  defaultSort: '-createdAt',
  access: {
    create: nobody,
    read: handlesSupporters,
    update: handlesSupporters,
    delete: handlesSupporters,
  },
  hooks: { afterChange: [queueInquiryNotification] },
  endpoints: [{ path: '/export.csv', method: 'get', handler: exportInquiriesCsv }],
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', ru: 'Имя' }, required: true, access: asSent },
    { name: 'email', type: 'email', label: { en: 'E-mail', ru: 'E-mail' }, required: true, access: asSent },
    {
      name: 'interest',
      type: 'select',
      label: { en: 'About', ru: 'Тема' },
      required: true,
      options: interests.map((value) => ({ value, label: interestLabels[value] })),
      access: asSent,
    },
    { name: 'message', type: 'textarea', label: { en: 'Message', ru: 'Сообщение' }, required: true, access: asSent },
    {
      name: 'consentToContact',
      type: 'checkbox',
      label: { en: 'Agreed to be contacted by e-mail', ru: 'Согласие на связь по e-mail' },
      required: true,
      // Without it nobody may write back, so there is nothing to keep.
      validate: (value: boolean | null | undefined) => value === true || 'Consent to be contacted is required.',
      access: asSent,
    },
    {
      name: 'locale',
      type: 'select',
      label: { en: 'Written in', ru: 'Язык сообщения' },
      options: locales.map(({ code, label }) => ({ value: code, label })),
      access: asSent,
      admin: { position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      label: { en: 'Status', ru: 'Статус' },
      required: true,
      defaultValue: 'new',
      index: true,
      options: [
        { value: 'new', label: { en: 'New', ru: 'Новое' } },
        { value: 'answered', label: { en: 'Answered', ru: 'Отвечено' } },
        { value: 'closed', label: { en: 'Closed', ru: 'Закрыто' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      label: { en: 'Assigned to', ru: 'Ответственный' },
      filterOptions: { role: { in: ['admin', 'editor'] } },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Who answers. Editors see only their own account here; admins see everyone.',
          ru: 'Кто отвечает. Редакторы видят здесь только себя, администраторы — всех.',
        },
      },
    },
    ...cameFromFields(),
  ],
}
