import { isLocale } from '@/lib/i18n'
import { defaultLocale, type Locale } from '@/lib/locales'

/** The page's language, which every form sends in a hidden field: errors are written in it. */
export function formLocale(form: FormData): Locale {
  const value = form.get('locale')
  return isLocale(value) ? value : defaultLocale
}
