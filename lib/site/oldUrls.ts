import { notFound, permanentRedirect } from 'next/navigation'

import { localePath } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

import { redirectTarget } from './publicApi'

/**
 * What a story or program page answers when no document the visitor may read has this slug: a
 * permanent redirect (308) to the page's current URL in the same language when the slug is an old
 * one of a published document (collections/Redirects), 404 otherwise. The answer is cached with
 * the page and expires with the stories', programs' and redirects' cache tags.
 */
export async function movedOrNotFound(
  collection: 'stories' | 'programs',
  slug: string,
  locale: Locale,
): Promise<never> {
  const target = await redirectTarget(collection, slug)
  if (target) permanentRedirect(localePath(locale, `${collection}/${target}`))
  notFound()
}
