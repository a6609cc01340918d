import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Pagination } from '@/components/Pagination'
import { StoryGrid } from '@/components/StoryCard'
import { localePath, messages } from '@/lib/i18n'
import type { Messages } from '@/lib/i18n/messages/en'
import { pageMetadata } from '@/lib/site/metadata'
import { SEARCH_PAGES, SEARCH_RESULTS_PER_PAGE, searchStories, siteSettings } from '@/lib/site/publicApi'
import { localeFrom, queryPageNumber } from '@/lib/site/routeParams'

// Results depend on the query string, so this page renders for each request, and neither it nor
// its query is kept anywhere (`searchStories`, server/sharedCaches.mjs): what someone searched
// for is hers alone. Rendered for each request, it is shared with nobody else's either.
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return {
    ...(await pageMetadata({ locale, path: 'search', title: messages(locale).searchTitle })),
    robots: { index: false },
  }
}

/**
 * What the results are called: their number when one page holds them all, which page of them
 * otherwise (they are not counted, see `searchStories`).
 */
function resultsHeading(t: Messages, query: string, page: number, shown: number, hasMore: boolean): string {
  if (!shown) return t.searchNothing(query)
  if (page === 1 && !hasMore) return t.searchResults(shown, query)
  const first = (page - 1) * SEARCH_RESULTS_PER_PAGE + 1
  return t.searchResultsRange(first, first + shown - 1, query)
}

/** A plain GET form: works without JavaScript. */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const { q: raw, page: rawPage } = await searchParams
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? ''
  const page = queryPageNumber(rawPage, SEARCH_PAGES)
  const [{ stories, hasMore }, settings] = await Promise.all([
    query ? searchStories(query, locale, page) : { stories: [], hasMore: false },
    siteSettings(locale),
  ])
  // A page past the last result cannot exist, as on the stories index.
  if (page > 1 && !stories.length) notFound()
  const pageHref = (n: number) =>
    `${localePath(locale, 'search')}?${new URLSearchParams(n === 1 ? { q: query } : { q: query, page: String(n) })}`
  return (
    <>
      <h1>{t.searchTitle}</h1>
      <form action={localePath(locale, 'search')} method="get" role="search" className="search-form">
        <label htmlFor="q">{t.searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={query} maxLength={100} />
        <button type="submit" className="button">
          {t.searchButton}
        </button>
      </form>
      {query ? (
        <section aria-live="polite" aria-labelledby="results">
          <h2 id="results">{resultsHeading(t, query, page, stories.length, hasMore)}</h2>
          {stories.length ? (
            <StoryGrid stories={stories} locale={locale} timeZone={settings.timeZone} headingLevel={3} />
          ) : null}
          <Pagination locale={locale} href={pageHref} page={page} hasNext={hasMore} />
        </section>
      ) : (
        <p>{t.searchHint}</p>
      )}
    </>
  )
}
