import Link from 'next/link'

import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/** The site's 404 message in one language: drawn by the server, or by the not-found boundary. */
export function NotFoundView({ locale }: { locale: Locale }) {
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
