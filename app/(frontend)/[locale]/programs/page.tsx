import type { Metadata } from 'next'
import Link from 'next/link'

import { MediaImage } from '@/components/MediaImage'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { listPrograms } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return pageMetadata({ locale, path: 'programs', title: messages(locale).programs })
}

export default async function ProgramsPage({ params }: Props) {
  const locale = await localeFrom(params)
  const t = messages(locale)
  const programs = await listPrograms(locale)
  return (
    <>
      <h1>{t.programs}</h1>
      <ul role="list" className="program-list">
        {programs.map((program) => (
          <li key={program.id} className="program-card">
            <MediaImage media={program.heroImage} size="card" sizes="(min-width: 48rem) 24rem, 100vw" />
            <div>
              <h2>
                <Link href={localePath(locale, `programs/${program.slug}`)}>{program.name}</Link>
              </h2>
              <p className="meta">
                {program.location}
                {program.location ? ' · ' : ''}
                {program.status === 'archived' ? t.archived : t.active}
              </p>
              {program.summary ? <p>{program.summary}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
