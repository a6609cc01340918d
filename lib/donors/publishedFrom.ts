import type { Locale } from '@/lib/locales'
import { findProgram, findStory } from '@/lib/site/publicApi'

import { parseFromValue } from './resolveFrom'

/**
 * The `from` a page passes on to its forms: the `?from=` value when it names a published story
 * or program (read through the cached public API, as a visitor), otherwise nothing, so an
 * unpublished or made-up slug is never written back into the page.
 */
export async function publishedFrom(value: unknown, locale: Locale): Promise<string | null> {
  const ref = parseFromValue(value)
  if (!ref) return null
  const doc = ref.kind === 'story' ? await findStory(ref.slug, locale) : await findProgram(ref.slug, locale)
  return doc ? `${ref.kind}:${ref.slug}` : null
}
