'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { isLocale, localePath, messages } from '@/lib/i18n'
import { defaultLocale } from '@/lib/locales'

/**
 * Next.js renders not-found pages without route params, so the language is read from the URL
 * here, in the browser and during the server render alike.
 */
export function NotFoundMessage() {
  const segment = usePathname()?.split('/')[1]
  const locale = isLocale(segment) ? segment : defaultLocale
  const t = messages(locale)
  return (
    <section className="not-found" lang={locale}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link className="button" href={localePath(locale, 'stories')}>
          {t.allStories}
        </Link>{' '}
        <Link href={localePath(locale)}>{t.backHome}</Link>
      </p>
    </section>
  )
}
