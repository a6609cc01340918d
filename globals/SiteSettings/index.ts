import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { isAdminField } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { timeZoneField } from '@/fields/timeZone'
import { urlField } from '@/fields/url'
import { refreshMediaOfSettings } from '@/privacy/media/hooks'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', ru: 'Настройки сайта' },
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [refreshMediaOfSettings, revalidateGlobal(cacheTags.globals)] },
  fields: [
    {
      name: 'organisationName',
      type: 'text',
      label: { en: 'Organisation name', ru: 'Название организации' },
      required: true,
      localized: true,
    },
    {
      name: 'tagline',
      type: 'text',
      label: { en: 'Tagline', ru: 'Слоган' },
      localized: true,
      admin: {
        description: {
          en: 'A short line under the name, e.g. on the home page.',
          ru: 'Короткая строка под названием, например на главной странице.',
        },
      },
    },
    {
      name: 'mission',
      type: 'textarea',
      label: { en: 'Mission', ru: 'Миссия' },
      localized: true,
      admin: {
        description: {
          en: 'Two or three sentences about why the organisation exists, shown on the home page.',
          ru: 'Два-три предложения о том, зачем существует организация; показываются на главной.',
        },
      },
    },
    {
      name: 'trustStatement',
      type: 'textarea',
      label: { en: 'Trust statement', ru: 'Заявление о прозрачности' },
      localized: true,
      admin: {
        description: {
          en: 'Shown in the footer of every page and beside the donation panel, e.g. who oversees donations and how accounts are audited.',
          ru: 'Показывается внизу каждой страницы и рядом с формой пожертвования, например кто контролирует пожертвования и как проверяется отчётность.',
        },
      },
    },
    {
      name: 'shareImage',
      type: 'upload',
      relationTo: 'media',
      label: { en: 'Default share image', ru: 'Изображение для соцсетей по умолчанию' },
      admin: {
        description: {
          en: 'Shown when a page is shared and has no image of its own (1200 × 630 works best). It becomes public once chosen here, so pick one that shows nobody, or only people who agreed to photos.',
          ru: 'Показывается, когда страницей делятся, а своего изображения у неё нет (лучше всего 1200 × 630). Выбранное здесь изображение становится публичным: выберите такое, где никого не видно или только те, кто согласился на фото.',
        },
      },
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: { en: 'Contact e-mail', ru: 'Адрес для писем' },
      admin: {
        description: {
          en: 'The organisation’s public address, shown on the Get involved page as “Write to us”.',
          ru: 'Публичный адрес организации; показывается на странице «Как помочь» в разделе «Напишите нам».',
        },
      },
    },
    timeZoneField,
    {
      name: 'consentWithdrawalPolicy',
      type: 'select',
      label: { en: 'When consent is withdrawn or expires', ru: 'Когда согласие отозвано или истекло' },
      required: true,
      defaultValue: 'unpublish',
      // A safeguarding policy, not an editorial one: only admins change it, and visitors never see it.
      access: { read: authenticated, update: isAdminField },
      options: [
        {
          label: {
            en: 'Unpublish every story that depends on it',
            ru: 'Снять с публикации все истории, которые от него зависят',
          },
          value: 'unpublish',
        },
        {
          label: {
            en: 'Keep stories up and show a neutral phrase instead of her name',
            ru: 'Оставить истории и показывать нейтральную фразу вместо её имени',
          },
          value: 'redact',
        },
      ],
      admin: {
        description: {
          en: 'Either way it happens at once. A photo of her cannot be redacted: stories showing her photo are always unpublished. Only admins can change this.',
          ru: 'В обоих случаях — сразу. Фото скрыть нельзя: истории с её фото всегда снимаются с публикации. Изменить это могут только администраторы.',
        },
      },
    },
    {
      name: 'socialLinks',
      type: 'array',
      label: { en: 'Social links', ru: 'Соцсети' },
      labels: { singular: { en: 'Social link', ru: 'Соцсеть' }, plural: { en: 'Social links', ru: 'Соцсети' } },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'platform',
              type: 'select',
              label: { en: 'Platform', ru: 'Платформа' },
              required: true,
              options: [
                { label: 'Instagram', value: 'instagram' },
                { label: 'Facebook', value: 'facebook' },
                { label: { en: 'Telegram', ru: 'Telegram' }, value: 'telegram' },
                { label: 'YouTube', value: 'youtube' },
                { label: 'VK', value: 'vk' },
                { label: { en: 'Website', ru: 'Сайт' }, value: 'website' },
              ],
            },
            urlField({ name: 'url', label: { en: 'Address', ru: 'Адрес' }, required: true }),
          ],
        },
      ],
    },
  ],
}
