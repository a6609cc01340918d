import { notFound } from 'next/navigation'

import { isLocale } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

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
