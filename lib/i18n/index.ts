import { defaultLocale, type Locale, locales } from '@/lib/locales'
import { timeZoneOrDefault } from '@/lib/timeZone'
import { memoize } from '@/lib/memoize'

import { en, type Messages } from './messages/en'
import { kk } from './messages/kk'
import { ru } from './messages/ru'

const dictionaries: Record<Locale, Messages> = { en, ru, kk }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && locales.some((l) => l.code === value)
}

export function messages(locale: Locale): Messages {
  return dictionaries[locale] ?? dictionaries[defaultLocale]
}

/** What the error and not-found boundaries say: all a client component needs of the messages. */
export type BoundaryStrings = Pick<
  Messages,
  'errorTitle' | 'errorText' | 'tryAgain' | 'backHome' | 'notFoundTitle' | 'notFoundText' | 'allStories'
>

export function boundaryStrings(locale: Locale): BoundaryStrings {
  const t = messages(locale)
  return {
    errorTitle: t.errorTitle,
    errorText: t.errorText,
    tryAgain: t.tryAgain,
    backHome: t.backHome,
    notFoundTitle: t.notFoundTitle,
    notFoundText: t.notFoundText,
    allStories: t.allStories,
  }
}

/**
 * BCP 47 tags for Intl's formatting (dates, numbers) and Open Graph's `og:locale`. Pages declare
 * their language (`<html lang>`, `hreflang`) by language alone: Russian readers here live in
 * Kazakhstan and everywhere else, not only in Russia, and English is not British-only.
 */
export const intlLocale: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }

/** A date as the site prints it, in the organisation's time zone (site settings' `timeZone`). */
export function formatDate(
  value: string | null | undefined,
  locale: Locale,
  timeZone: string | null | undefined,
): string {
  if (!value) return ''
  return longDate(`${intlLocale[locale]} ${timeZoneOrDefault(timeZone)}`).format(new Date(value))
}

/** Keyed "<Intl locale> <time zone>": both are known values, never a visitor's input. */
const longDate = memoize((key) => {
  const [locale, timeZone] = key.split(' ')
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
})

export function formatNumber(value: string, locale: Locale): string {
  // Impact figures are stored as text ("200", "1 200+"); format the plain numbers only.
  return /^\d+$/.test(value) ? new Intl.NumberFormat(intlLocale[locale]).format(Number(value)) : value
}

export { localePath } from './localePath'

/** A sum of money as the reader's language writes it: "5 000 ₸", "$25", "10,50 €". */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const cents = Number.isInteger(amount) ? 0 : 2
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: cents,
    maximumFractionDigits: cents,
  }).format(amount)
}
