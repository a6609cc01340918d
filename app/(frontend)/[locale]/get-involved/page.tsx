import type { Metadata } from 'next'

import { StayUpdated } from '@/components/donors/StayUpdated'
import { WriteToUs } from '@/components/donors/WriteToUs'
import { publishedFrom } from '@/lib/donors/publishedFrom'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { siteSettings } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

// `?from=` (the story or program a visitor came from) is read per request; the content itself is
// answered from the tagged query cache.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ from?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  const t = messages(locale)
  return pageMetadata({ locale, path: 'get-involved', title: t.getInvolved, description: t.ctaText })
}

/**
 * Ways to help and the donation link, from site settings. Inquiry forms and donor attribution
 * slot in as further sections of this page.
 */
export default async function GetInvolvedPage({ params, searchParams }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const settings = await siteSettings(locale)
  const from = await publishedFrom((await searchParams).from, locale)
  return (
    <>
      <h1>{t.getInvolved}</h1>
      <p className="hero__tagline">{t.ctaText}</p>
      {settings.donationUrl ? (
        <section aria-labelledby="donate" className="cta">
          <h2 id="donate">{t.donate}</h2>
          <p>{t.donateText}</p>
          <a className="button" href={settings.donationUrl} rel="noopener">
            {t.donate}
          </a>
        </section>
      ) : null}
      {settings.waysToHelp?.length ? (
        <section aria-labelledby="ways-to-help" className="section">
          <h2 id="ways-to-help">{t.waysToHelp}</h2>
          <ul role="list" className="topics">
            {settings.waysToHelp.map((way) => (
              <li key={way.id ?? way.title}>
                <h3>{way.title}</h3>
                {way.description ? <p>{way.description}</p> : null}
              </li>
            ))}
          </ul>
          <p>
            <a href="#write-to-us">{t.contactSoon}</a>
          </p>
        </section>
      ) : null}
      <WriteToUs locale={locale} from={from} />
      <StayUpdated locale={locale} from={from} />
      {settings.trustStatement ? <p className="notice">{settings.trustStatement}</p> : null}
      <p>
        <a href={localePath(locale, 'stories')}>{t.allStories} →</a>
      </p>
    </>
  )
}
