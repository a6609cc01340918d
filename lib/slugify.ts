import slugifyText from 'slugify'

/** The longest slug Voices makes, numbered ones (`-2`, `-3`, …) included. */
export const slugMaxLength = 96

/**
 * URL slugs in plain ASCII. Titles are often written in Russian or Kazakh first, so Cyrillic
 * (Kazakh letters included) is transliterated rather than dropped.
 */
export function toSlug(value: unknown): string {
  if (typeof value !== 'string') return ''
  return slugifyText(value, { lower: true, strict: true, trim: true }).slice(0, slugMaxLength).replace(/-+$/, '')
}

/** The n-th slug made from `base`: the base itself, then `base-2`, `base-3`, … within the length limit. */
export function numberedSlug(base: string, n: number): string {
  if (n <= 1) return base
  const suffix = `-${n}`
  return `${base.slice(0, slugMaxLength - suffix.length).replace(/-+$/, '')}${suffix}`
}
