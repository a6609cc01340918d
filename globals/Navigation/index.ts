import type { Field, GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'

/** Site-relative paths only: the navigation must never lead visitors off-site or into /admin. */
function validatePath(value: unknown): true | string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) {
    return 'Enter a path on this site starting with "/", e.g. /stories.'
  }
  if (/^\/(admin|api)(\/|$)/.test(value)) return 'The admin and API are never linked from the site.'
  return true
}

const linkFields: Field[] = [
  { name: 'label', type: 'text', label: { en: 'Label', ru: 'Подпись' }, required: true, localized: true },
  { name: 'path', type: 'text', label: { en: 'Path', ru: 'Путь' }, required: true, validate: validatePath },
]

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: { en: 'Navigation', ru: 'Навигация' },
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [revalidateGlobal(cacheTags.globals)] },
  fields: [
    {
      name: 'header',
      type: 'array',
      label: { en: 'Header links', ru: 'Ссылки в шапке' },
      maxRows: 7,
      fields: linkFields,
    },
    {
      name: 'footer',
      type: 'array',
      label: { en: 'Footer links', ru: 'Ссылки в подвале' },
      maxRows: 12,
      fields: linkFields,
    },
  ],
}
