'use client'

import { usePathname } from 'next/navigation'

import { isLocale, localePath, messages } from '@/lib/i18n'
import { defaultLocale } from '@/lib/locales'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const segment = usePathname()?.split('/')[1]
  const locale = isLocale(segment) ? segment : defaultLocale
  const t = messages(locale)
  return (
    <section className="not-found" lang={locale}>
      <h1>{t.errorTitle}</h1>
      <p>{t.errorText}</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          {t.tryAgain}
        </button>{' '}
        <a href={localePath(locale)}>{t.backHome}</a>
      </p>
    </section>
  )
}
