import type { Metadata } from 'next'

import { CameFrom } from '@/components/CameFrom'
import { DonationLink, DonationPanel } from '@/components/DonationPanel'
import { WaysToHelp } from '@/components/WaysToHelp'
import { giveFormState } from '@/lib/donors/gift'
import { offeredCurrencies } from '@/lib/donors/offered'
import { originOf } from '@/lib/donors/origin'
import { StayUpdated } from '@/components/donors/StayUpdated'
import { WriteToUs } from '@/components/donors/WriteToUs'
import { fromValue } from '@/lib/donors/from'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { getInvolved, siteSettings, storyCta } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

// Where the donor came from and a refused gift's reason are in the query string, so this page
// renders per request; everything it shows comes from the tagged query cache.
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const cta = await storyCta(locale)
  return pageMetadata({ locale, path: 'get-involved', title: t.getInvolved, description: cta?.text || t.ctaText })
}

/**
 * Get involved: where the donor came from (`?from=story:<slug>`, named only when published),
 * the donation panel beside the trust statement, the ways to help and how to write to us.
 *
 * It reads the query string, so it renders per request; everything it shows comes from the
 * tagged query cache (lib/site/publicApi.ts), so a render costs no database read.
 */
export default async function GetInvolvedPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const query = await searchParams
  const t = messages(locale)
  const [settings, content, cta, origin] = await Promise.all([
    siteSettings(locale),
    getInvolved(locale),
    storyCta(locale),
    originOf(query, locale),
  ])
  const offered = offeredCurrencies(content).filter((row) => row.amounts.length > 0)
  const panel = Boolean(content.donationUrlTemplate && offered.length > 0)
  const state = giveFormState(
    query,
    offered.map((row) => row.currency),
  )
  const from = origin ? fromValue(origin) : null
  return (
    <>
      <h1>{t.getInvolved}</h1>
      <p className="hero__tagline">{cta?.text || t.ctaText}</p>
      {origin ? <CameFrom locale={locale} origin={origin} /> : null}
      {panel ? (
        <DonationPanel
          locale={locale}
          offered={offered}
          state={state}
          origin={origin}
          trustStatement={settings.trustStatement}
        />
      ) : content.donationUrl ? (
        <DonationLink locale={locale} href={content.donationUrl} trustStatement={settings.trustStatement} />
      ) : null}
      {!panel && state.error ? (
        // A gift sent from a page loaded before online giving was switched off.
        <p className="form-error" role="alert">
          {t.giveErrors.unavailable}
        </p>
      ) : null}
      {content.waysToHelp?.length ? (
        <WaysToHelp locale={locale} ways={content.waysToHelp} givePanel={panel || Boolean(content.donationUrl)} />
      ) : null}
      <WriteToUs locale={locale} from={from} />
      <StayUpdated locale={locale} from={from} />
      <p>
        <a href={localePath(locale, 'stories')}>{t.allStories} →</a>
      </p>
    </>
  )
}
