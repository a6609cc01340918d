import { slugField } from 'payload'

import { toSlug } from '@/lib/slugify'

/**
 * The URL slug, derived from `source` when the document is created (or while the editor keeps
 * "generate" on) and editable afterwards. Unique across the collection, shared by all locales.
 */
export function slug(source: string) {
  return slugField({
    useAsSlug: source,
    slugify: ({ valueToSlugify }) => toSlug(valueToSlugify) || undefined,
  })
}
