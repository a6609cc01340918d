import slugifyText from 'slugify'

/**
 * URL slugs in plain ASCII. Titles are often written in Russian or Kazakh first, so Cyrillic
 * (Kazakh letters included) is transliterated rather than dropped.
 */
export function toSlug(value: unknown): string {
  if (typeof value !== 'string') return ''
  return slugifyText(value, { lower: true, strict: true, trim: true }).slice(0, 96).replace(/-+$/, '')
}
