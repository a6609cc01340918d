import { cache } from 'react'

import type { PersonRef } from '@/privacy/content/uses'
import type { Locale } from '@/lib/locales'
import { previewer } from '@/lib/preview/session'

import { asPreviewer, programBySlug, storyBySlug, storyHasTranslation } from './documentQueries'
import { toldWhyConsentLacks } from '@/privacy/consent/whoIsTold'
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

/**
 * Public names of the people a story mentions or features; a draft's body is never a cache key.
 * Staff told about consent preview the page as it will be published; a contributor previews
 * every public name as written, so her preview says nothing about who has agreed to be named.
 */
export async function namesForPage(
  body: unknown,
  locale: Locale,
  featured: PersonRef[] = [],
): Promise<Record<string, string>> {
  const user = await previewer()
  if (!user) return publicNamesIn(body, locale, featured)
  return lookupPublicNames(body, locale, featured, toldWhyConsentLacks(user) ? 'asPublished' : 'asWritten')
}

export const programForPage = cache(async (slug: string, locale: Locale) => {
  const user = await previewer()
  return user ? programBySlug(asPreviewer(user), slug, locale) : findProgram(slug, locale)
})
