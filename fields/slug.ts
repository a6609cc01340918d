import type { TextField } from 'payload'

import { slugField } from 'payload'

import { toSlug } from '@/lib/slugify'

/**
 * The URL slug, derived from `source` when the document is created (or while the editor keeps
 * "generate" on) and editable afterwards. Unique across the collection, shared by all locales.
 * `reserved` lists words the site's routes already use at the same level.
 */
export function slug(source: string, reserved: string[] = []) {
  return slugField({
    useAsSlug: source,
    slugify: ({ valueToSlugify }) => toSlug(valueToSlugify) || undefined,
    overrides: (row) => {
      const field = row.fields.find((f) => 'name' in f && f.name === 'slug') as TextField | undefined
      if (field && reserved.length > 0) {
        field.validate = (value: unknown) => {
          if (typeof value !== 'string' || !value) return 'A slug is required.'
          if (reserved.includes(value)) return `"${value}" is used by the site’s own pages; choose another slug.`
          return true
        }
      }
      return row
    },
  })
}
