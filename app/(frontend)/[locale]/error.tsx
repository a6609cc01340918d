'use client'

import { useBoundaryStrings, useLocale } from '@/components/LocaleContext.client'
import { localePath } from '@/lib/i18n/localePath'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useLocale()
  const t = useBoundaryStrings()
  return (
    <section className="not-found">
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
