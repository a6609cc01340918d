import type { Metadata } from 'next'

import { StoryGrid } from '@/components/StoryCard'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { searchStories, siteSettings } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

// Results depend on the query string, so this page renders per request; the query itself is
// answered from the tagged cache.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return {
    ...(await pageMetadata({ locale, path: 'search', title: messages(locale).searchTitle })),
    robots: { index: false },
  }
}

/** A plain GET form: works without JavaScript. Results come from the tagged query cache. */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const raw = (await searchParams).q
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? ''
  const [results, settings] = await Promise.all([query ? searchStories(query, locale) : [], siteSettings(locale)])
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
          <h2 id="results">{results.length ? t.searchResults(results.length, query) : t.searchNothing(query)}</h2>
          {results.length ? (
            <StoryGrid stories={results} locale={locale} timeZone={settings.timeZone} headingLevel={3} />
          ) : null}
        </section>
      ) : (
        <p>{t.searchHint}</p>
      )}
    </>
  )
}
