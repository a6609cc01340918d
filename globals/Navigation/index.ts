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
  { name: 'label', type: 'text', label: 'Label', required: true, localized: true },
  { name: 'path', type: 'text', label: 'Path', required: true, validate: validatePath },
]

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: 'Navigation',
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [revalidateGlobal(cacheTags.globals)] },
  fields: [
    {
      name: 'header',
      type: 'array',
      label: 'Header links',
      maxRows: 7,
      fields: linkFields,
    },
    {
      name: 'footer',
      type: 'array',
      label: 'Footer links',
      maxRows: 12,
      fields: linkFields,
    },
  ],
}
