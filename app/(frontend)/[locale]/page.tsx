import type { Metadata } from 'next'
import Link from 'next/link'

import { GetInvolved } from '@/components/GetInvolved'
import { ImpactFigures } from '@/components/ImpactFigures'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { StoryGrid } from '@/components/StoryCard'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { siteOrigin } from '@/lib/site/origin'
import { listPrograms, listStories, siteSettings } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  const settings = await siteSettings(locale)
  const metadata = await pageMetadata({
    locale,
    path: '',
    title: settings.organisationName,
    description: settings.mission ?? settings.tagline,
  })
  // The home page is titled by the organisation alone, not "Name · Name".
  return { ...metadata, title: { absolute: settings.organisationName || 'Voices' } }
}

export default async function HomePage({ params }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const [settings, stories, programs] = await Promise.all([
    siteSettings(locale),
    listStories({ locale, limit: 3 }),
    listPrograms(locale),
  ])
  const sameAs = (settings.socialLinks ?? []).map((link) => link.url)
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NGO',
          name: settings.organisationName,
          url: `${siteOrigin()}${localePath(locale)}`,
          description: settings.mission ?? settings.tagline ?? undefined,
          ...(sameAs.length ? { sameAs } : {}),
        }}
      />
      <section className="hero">
        <h1>{settings.organisationName}</h1>
        {settings.tagline ? <p className="hero__tagline">{settings.tagline}</p> : null}
        {settings.mission ? <p>{settings.mission}</p> : null}
        <Link className="button" href={localePath(locale, 'get-involved')}>
          {t.getInvolved}
        </Link>
      </section>

      <section aria-labelledby="latest-stories" className="section">
        <h2 id="latest-stories">{t.latestStories}</h2>
        {stories?.docs.length ? (
          <StoryGrid stories={stories.docs} locale={locale} timeZone={settings.timeZone} leadsThePage />
        ) : (
          <p>{t.noStories}</p>
        )}
        <p>
          <Link href={localePath(locale, 'stories')}>{t.allStories} →</Link>
        </p>
      </section>

      {programs.length ? (
        <section aria-labelledby="our-programs" className="section">
          <h2 id="our-programs">{t.ourPrograms}</h2>
          <ul role="list" className="program-list">
            {programs.map((program) => (
              <li key={program.id} className="program-card">
                <MediaImage media={program.heroImage} size="card" sizes="(min-width: 48rem) 24rem, 100vw" />
                <div>
                  <h3>
                    <Link href={localePath(locale, `programs/${program.slug}`)}>{program.name}</Link>
                  </h3>
                  {program.summary ? <p>{program.summary}</p> : null}
                  <ImpactFigures figures={program.impactFigures} locale={locale} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <GetInvolved locale={locale} />
    </>
  )
}
