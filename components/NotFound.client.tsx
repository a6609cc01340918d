'use client'

import Link from 'next/link'

import { localePath, messages } from '@/lib/i18n'

import { useLocale } from './LocaleContext.client'

/** The site's 404, in the reader's language. */
export function NotFoundMessage() {
  const locale = useLocale()
  const t = messages(locale)
  return (
    <section className="not-found">
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
