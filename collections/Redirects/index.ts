import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'

const revalidateRedirects = revalidateCollection(cacheTags.redirects)

/**
 * Old URLs of published stories and programs. When the slug of a published document changes,
 * Voices records the old slug here (collections/Redirects/hooks/keepOldUrls.ts) and the public
 * page answers it with a permanent redirect to wherever the document is now, in every language.
 *
 * A record points at the document, not at a slug, so a chain of renames always leads straight to
 * the current slug, and a document that is no longer public (unpublished, taken down after a
 * consent withdrawal) is nobody's destination: its old URLs answer 404 like its own. A slug that
 * another document publishes is that document's again, and its record is removed.
 *
 * Staff read the records in the admin; editors may delete one. Nobody writes them through any
 * API, and visitors never read them: they only ever receive the redirect.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: {
    singular: { en: 'Redirect', ru: 'Перенаправление' },
    plural: { en: 'Redirects', ru: 'Перенаправления' },
  },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'createdAt'],
    group: 'Content',
    description: {
      en: 'Old addresses of published stories and programs whose slug changed. Visitors following an old link are sent on to the current page. Kept by Voices.',
      ru: 'Старые адреса опубликованных историй и программ, у которых сменился адрес (slug). Посетители по старой ссылке попадают на нынешнюю страницу. Ведётся автоматически.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: authenticated,
    create: nobody,
    update: nobody,
    delete: isEditor,
  },
  hooks: {
    afterChange: [revalidateRedirects.afterChange],
    afterDelete: [revalidateRedirects.afterDelete],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      label: { en: 'Old slug', ru: 'Старый адрес (slug)' },
      required: true,
      index: true,
      admin: {
        readOnly: true,
        description: {
          en: 'The slug the document was published under before.',
          ru: 'Адрес (slug), под которым документ был опубликован раньше.',
        },
      },
    },
    {
      name: 'to',
      type: 'relationship',
      relationTo: ['stories', 'programs'],
      label: { en: 'Now', ru: 'Теперь' },
      required: true,
      index: true,
      admin: {
        readOnly: true,
        description: {
          en: 'The story or program the old address leads to, under its current slug, while it is published.',
          ru: 'История или программа, куда ведёт старый адрес (по её нынешнему адресу), пока она опубликована.',
        },
      },
    },
  ],
}
