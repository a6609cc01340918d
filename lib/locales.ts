/** The languages Voices publishes in. English is the default and the fallback. */
export const locales = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'kk', label: 'Қазақша' },
] as const

export type Locale = (typeof locales)[number]['code']

export const defaultLocale: Locale = 'en'
