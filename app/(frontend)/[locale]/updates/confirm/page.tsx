import type { Metadata } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'

import { SignupForm } from '@/components/donors/SignupForm.client'
import { signupText } from '@/components/donors/StayUpdated'
import { confirmFromLink } from '@/lib/donors/actions'
import { localePath, messages } from '@/lib/i18n'
import { confirmationState } from '@/lib/updates/links'
import { pageToken } from '@/lib/updates/pageToken'
import { localeFrom } from '@/lib/site/routeParams'

// Each link is someone's own: never cached, never indexed.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return { title: messages(locale).updates.confirmTitle, robots: { index: false, follow: false } }
}

/**
 * Where the double opt-in link leads. Opening it shows a button; pressing the button confirms
 * (a mail scanner that opens every link confirms nobody). An expired link says so and offers the
 * signup form again. The page learns only the link's state, never whose address it is.
 */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale).updates
  const token = pageToken((await searchParams).token)
  const state = await confirmationState(await getPayload({ config }), token)

  if (state === 'ready') {
    return (
      <div className="narrow">
        <h1>{t.confirmTitle}</h1>
        <p>{t.confirmText}</p>
        <form action={confirmFromLink}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {t.confirmButton}
          </button>
        </form>
      </div>
    )
  }
  if (state === 'confirmed') {
    return (
      <div className="narrow">
        <h1>{t.confirmedTitle}</h1>
        <p>{t.confirmedText}</p>
        <p>
          <a href={localePath(locale, 'stories')}>{messages(locale).allStories} →</a>
        </p>
      </div>
    )
  }
  if (state === 'expired') {
    return (
      <div className="narrow">
        <h1>{t.expiredTitle}</h1>
        <p>{t.expiredText}</p>
        <SignupForm locale={locale} from={null} text={signupText(locale)} />
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
