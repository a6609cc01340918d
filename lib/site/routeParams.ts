import { notFound } from 'next/navigation'

import { isLocale } from '@/lib/i18n'
import { defaultLocale, type Locale } from '@/lib/locales'

/**
 * The locale for the locale layout. Next renders not-found pages through the layout again, and
 * then without route params; failing there would turn every 404 into an empty error shell, so
 * the layout falls back to the default locale (the proxy sends any other first segment to a
 * real locale, and pages still 404 through `localeFrom`).
 */
export async function layoutLocale(params: Promise<{ locale?: string }>): Promise<Locale> {
  const { locale } = await params
  return isLocale(locale) ? locale : defaultLocale
}

/** The locale from a route's params; anything else is a 404. */
export async function localeFrom(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return locale
}

/** A page number from the path (/stories/page/2); 1, junk and out-of-range numbers are 404s. */
export function pageNumber(value: string | undefined): number {
  if (value === undefined) return 1
  if (!/^[1-9]\d{0,4}$/.test(value) || value === '1') notFound()
  return Number(value)
}

/**
 * A page of search results from the query string (`?page=2`): absent is the first page; junk, a
 * second value and pages past `last` are 404s, like a page of the stories index that cannot exist.
 */
export function queryPageNumber(value: string | string[] | undefined, last: number): number {
  if (value === undefined) return 1
  if (typeof value !== 'string' || !/^[1-9]\d{0,4}$/.test(value) || Number(value) > last) notFound()
  return Number(value)
}
