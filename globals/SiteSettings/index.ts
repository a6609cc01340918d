import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { isAdminField } from '@/access/isAdmin'
import { isEditor } from '@/access/isEditor'
import { revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { urlField } from '@/fields/url'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [revalidateGlobal(cacheTags.globals)] },
  fields: [
    {
      name: 'organisationName',
      type: 'text',
      label: 'Organisation name',
      required: true,
      localized: true,
    },
    {
      name: 'tagline',
      type: 'text',
      label: 'Tagline',
      localized: true,
      admin: { description: 'A short line under the name, e.g. on the home page.' },
    },
    {
      name: 'mission',
      type: 'textarea',
      label: 'Mission',
      localized: true,
      admin: { description: 'Two or three sentences about why the organisation exists, shown on the home page.' },
    },
    {
      name: 'trustStatement',
      type: 'textarea',
      label: 'Trust statement',
      localized: true,
      admin: {
        description:
          'Shown in the footer of every page, e.g. who oversees donations and how accounts are audited.',
      },
    },
    urlField({
      name: 'donationUrl',
      label: 'Donation link',
      admin: { description: 'Where "Get involved" sends donors, e.g. https://example.org/donate.' },
    }),
    {
      name: 'consentWithdrawalPolicy',
      type: 'select',
      label: 'When consent is withdrawn or expires',
      required: true,
      defaultValue: 'unpublish',
      // A safeguarding policy, not an editorial one: only admins change it, and visitors never see it.
      access: { read: authenticated, update: isAdminField },
      options: [
        { label: 'Unpublish every story that depends on it', value: 'unpublish' },
        { label: 'Keep stories up and show a neutral phrase instead of her name', value: 'redact' },
      ],
      admin: {
        description:
          'Either way it happens at once. A photo of her cannot be redacted: stories showing her photo are always unpublished. Only admins can change this.',
      },
    },
    {
      name: 'waysToHelp',
      type: 'array',
      label: 'Ways to help',
      labels: { singular: 'Way to help', plural: 'Ways to help' },
      admin: { description: 'Shown on the Get involved page and under each story.' },
      fields: [
        { name: 'title', type: 'text', label: 'Title', required: true, localized: true },
        { name: 'description', type: 'textarea', label: 'Description', localized: true },
      ],
    },
    {
      name: 'socialLinks',
      type: 'array',
      label: 'Social links',
      labels: { singular: 'Social link', plural: 'Social links' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'platform',
              type: 'select',
              label: 'Platform',
              required: true,
              options: [
                { label: 'Instagram', value: 'instagram' },
                { label: 'Facebook', value: 'facebook' },
                { label: 'Telegram', value: 'telegram' },
                { label: 'YouTube', value: 'youtube' },
                { label: 'VK', value: 'vk' },
                { label: 'Website', value: 'website' },
              ],
            },
            urlField({ name: 'url', label: 'Address', required: true }),
          ],
        },
      ],
    },
  ],
}
