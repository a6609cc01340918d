import type { Locale } from '@/lib/locales'

const intlLocale: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }

export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return ''
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(
    new Date(value),
  )
}
