import type { Metadata } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'

import { unsubscribeFromLink } from '@/lib/donors/actions'
import { localePath, messages } from '@/lib/i18n'
import { unsubscribeState } from '@/lib/updates/links'
import { pageToken } from '@/lib/updates/pageToken'
import { localeFrom } from '@/lib/site/routeParams'

// Each link is someone's own: never cached, never indexed.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return { title: messages(locale).updates.unsubscribeTitle, robots: { index: false, follow: false } }
}

/**
 * The unsubscribe link at the end of every subscriber mail. It asks before it unsubscribes, so
 * a link scanner cannot; mail programs unsubscribe in one click through the POST endpoint in the
 * `List-Unsubscribe` header (collections/Subscribers/endpoints/unsubscribe.ts).
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale).updates
  const token = pageToken((await searchParams).token)
  const state = await unsubscribeState(await getPayload({ config }), token)

  if (state === 'ready') {
    return (
      <div className="narrow">
        <h1>{t.unsubscribeTitle}</h1>
        <p>{t.unsubscribeText}</p>
        <form action={unsubscribeFromLink}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {t.unsubscribeButton}
          </button>
        </form>
      </div>
    )
  }
  if (state === 'unsubscribed') {
    return (
      <div className="narrow">
        <h1>{t.unsubscribedTitle}</h1>
        <p>{t.unsubscribedText}</p>
        <p>
          <a href={`${localePath(locale, 'get-involved')}#stay-updated`}>{t.signUpAgain}</a>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t.invalidTitle}</h1>
      <p>{t.invalidText}</p>
      <p>
        <a href={`${localePath(locale, 'get-involved')}#stay-updated`}>{t.signUpAgain}</a>
      </p>
    </div>
  )
}
