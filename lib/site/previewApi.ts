import { cache } from 'react'

import type { PersonRef } from '@/privacy/content/uses'
import type { Locale } from '@/lib/locales'
import { previewer } from '@/lib/preview/session'

import { asPreviewer, programBySlug, storyBySlug, storyHasTranslation } from './documentQueries'
import { lookupPublicNames, publicNamesIn } from '@/privacy/names/siteNames'
import { findProgram, findStory, isStoryTranslated } from './publicApi'

/**
 * What the story and program pages read about their own document. Visitors get the published
 * version from the cached public API. A staff member previewing in draft mode, with a valid
 * session, gets the latest draft, read with her own access and never cached: the shared cache
 * only ever holds what an anonymous visitor may see.
 */
export const storyForPage = cache(async (slug: string, locale: Locale) => {
  const user = await previewer()
  return user ? storyBySlug(asPreviewer(user), slug, locale) : findStory(slug, locale)
})

export async function storyTranslatedForPage(id: string, locale: Locale): Promise<boolean> {
  const user = await previewer()
  return user ? storyHasTranslation(asPreviewer(user), id, locale) : isStoryTranslated(id, locale)
}

/** Public names of the people a story mentions or features; a draft's body is never a cache key. */
export async function namesForPage(
  body: unknown,
  locale: Locale,
  featured: PersonRef[] = [],
): Promise<Record<string, string>> {
  return (await previewer()) ? lookupPublicNames(body, locale, featured) : publicNamesIn(body, locale, featured)
}

export const programForPage = cache(async (slug: string, locale: Locale) => {
  const user = await previewer()
  return user ? programBySlug(asPreviewer(user), slug, locale) : findProgram(slug, locale)
})
