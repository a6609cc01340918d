import Link from 'next/link'

import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/** The call to action under every story and on the home page. */
export function GetInvolved({ locale, headingId = 'get-involved' }: { locale: Locale; headingId?: string }) {
  const t = messages(locale)
  return (
    <aside className="cta" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.ctaTitle}</h2>
      <p>{t.ctaText}</p>
      {/* data-cta marks a call to action; on a story page following it is counted (CountStory). */}
      <Link className="button" href={localePath(locale, 'get-involved')} data-cta="give">
        {t.ctaButton}
      </Link>
    </aside>
  )
}
