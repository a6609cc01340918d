import Link from 'next/link'

import type { BoundaryStrings } from '@/lib/i18n'
import { localePath } from '@/lib/i18n/localePath'
import type { Locale } from '@/lib/locales'

/** The site's 404 message in one language: drawn by the server, or by the not-found boundary. */
export function NotFoundView({ locale, strings: t }: { locale: Locale; strings: BoundaryStrings }) {
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
