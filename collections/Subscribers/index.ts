import type { CollectionConfig } from 'payload'

import { handlesSupporters } from '@/access/handlesSupporters'
import { nobody } from '@/access/nobody'
import { cameFromFields } from '@/fields/cameFrom'
import { locales } from '@/lib/locales'

import { unsubscribeEndpoints } from './endpoints/unsubscribe'

/**
 * People who asked for updates by e-mail ("Stay updated" on Get involved). Double opt-in: an
 * address is pending until its owner opens the confirmation link (valid 7 days), and every mail
 * to it carries a one-click unsubscribe link (RFC 8058). Only the public form creates
 * subscribers, and only the links in their mail change them; editors and admins read the list
 * and can delete an address on request. Closed to everyone else, anonymous visitors included.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: { en: 'Subscriber', ru: 'Подписчик' }, plural: { en: 'Subscribers', ru: 'Подписчики' } },
  admin: {
    group: { en: 'Supporters', ru: 'Сторонники' },
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'locale', 'story', 'createdAt'],
    listSearchableFields: ['email'],
    description: {
      en: 'Addresses signed up for updates. Only confirmed ones may be written to. Subscribers confirm and unsubscribe themselves through the links in their mail.',
      ru: 'Адреса, подписанные на новости. Писать можно только подтверждённым. Подписчики сами подтверждают подписку и отписываются по ссылкам из писем.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    create: nobody,
    read: handlesSupporters,
    update: nobody,
    delete: handlesSupporters,
  },
  endpoints: unsubscribeEndpoints,
  fields: [
    { name: 'email', type: 'email', label: { en: 'E-mail', ru: 'E-mail' }, required: true, unique: true },
    {
      name: 'status',
      type: 'select',
      label: { en: 'Status', ru: 'Статус' },
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { value: 'pending', label: { en: 'Waiting for confirmation', ru: 'Ждёт подтверждения' } },
        { value: 'confirmed', label: { en: 'Confirmed', ru: 'Подтверждён' } },
        { value: 'unsubscribed', label: { en: 'Unsubscribed', ru: 'Отписался' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'locale',
      type: 'select',
      label: { en: 'Language of the e-mails', ru: 'Язык писем' },
      required: true,
      defaultValue: 'en',
      options: locales.map(({ code, label }) => ({ value: code, label })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'confirmationSentAt',
      type: 'date',
      label: { en: 'Confirmation link last sent', ru: 'Ссылка для подтверждения отправлена' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'confirmedAt',
      type: 'date',
      label: { en: 'Confirmed', ru: 'Подтверждено' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      label: { en: 'Unsubscribed', ru: 'Отписка' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    ...cameFromFields(),
  ],
}
