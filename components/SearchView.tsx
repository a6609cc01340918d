import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Pagination } from '@/components/Pagination'
import { StoryGrid } from '@/components/StoryCard'
import { localePath, messages } from '@/lib/i18n'
import type { Messages } from '@/lib/i18n/messages/en'
import type { Locale } from '@/lib/locales'
import { MAX_QUERY_LENGTH, wordsOfSegment } from '@/lib/search/searchAddress'
import { pageMetadata } from '@/lib/site/metadata'
import { SEARCH_PAGES, SEARCH_RESULTS_PER_PAGE, searchStories, siteSettings } from '@/lib/site/publicApi'
import { localeFrom, pageNumber } from '@/lib/site/routeParams'

/** Every search page has the form's title, and none is for search engines. */
export async function searchMetadata(locale: Locale): Promise<Metadata> {
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

/**
 * The search form, and the results for `words` (already in their searched form,
 * lib/search/searchAddress.ts) when there are any. A plain GET form: works without JavaScript.
 * Its links to other pages are query strings too, which the proxy sends to their results pages.
 */
export async function SearchView({ locale, words, page }: { locale: Locale; words: string; page: number }) {
  const t = messages(locale)
  if (page > SEARCH_PAGES) notFound()
  const [{ stories, hasMore }, settings] = await Promise.all([
    words ? searchStories(words, locale, page) : { stories: [], hasMore: false },
    siteSettings(locale),
  ])
  // A page past the last result cannot exist, as on the stories index.
  if (page > 1 && !stories.length) notFound()
  const pageHref = (n: number) =>
    `${localePath(locale, 'search')}?${new URLSearchParams(n === 1 ? { q: words } : { q: words, page: String(n) })}`
  return (
    <>
      <h1>{t.searchTitle}</h1>
      <form action={localePath(locale, 'search')} method="get" role="search" className="search-form">
        <label htmlFor="q">{t.searchLabel}</label>
        <input id="q" name="q" type="search" defaultValue={words} maxLength={MAX_QUERY_LENGTH} />
        <button type="submit" className="button">
          {t.searchButton}
        </button>
      </form>
      {words ? (
        <section aria-live="polite" aria-labelledby="results">
          <h2 id="results">{resultsHeading(t, words, page, stories.length, hasMore)}</h2>
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

type ResultsParams = { locale: string; query: string; page?: string }

/**
 * A page of results for one search (`/en/search/<words>`, `/page/<n>` after the first), rendered
 * once for everyone asking for it at the same time, and never kept (lib/search/searchAddress.ts).
 * A segment that is not one search's own is a 404.
 */
export function searchResultsRoute() {
  type Props = { params: Promise<ResultsParams> }
  const resolve = async ({ params }: Props) => {
    const locale = await localeFrom(params)
    const { query, page } = await params
    return { locale, words: wordsOfSegment(query) ?? notFound(), page: pageNumber(page) }
  }
  return {
    generateStaticParams: () => [],
    generateMetadata: async ({ params }: Props) => searchMetadata(await localeFrom(params)),
    Page: async (props: Props) => <SearchView {...await resolve(props)} />,
  }
}
