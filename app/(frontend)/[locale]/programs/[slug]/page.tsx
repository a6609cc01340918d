import type { Metadata } from 'next'
import Link from 'next/link'

import { GetInvolved } from '@/components/GetInvolved'
import { ImpactFigures } from '@/components/ImpactFigures'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import { StoryGrid } from '@/components/StoryCard'
import { localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { movedOrNotFound } from '@/lib/site/oldUrls'
import { programForPage } from '@/lib/site/previewApi'
import { listStories, programLeaders, siteSettings } from '@/lib/site/publicApi'
import { localeFrom } from '@/lib/site/routeParams'

type Props = { params: Promise<{ locale: string; slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  const program = await programForPage((await params).slug, locale)
  if (!program) return {}
  return pageMetadata({
    locale,
    path: `programs/${program.slug}`,
    title: program.meta?.title || program.name,
    description: program.meta?.description || program.summary,
    image: (typeof program.meta?.image === 'object' && program.meta.image) || program.heroImage,
  })
}

export default async function ProgramPage({ params }: Props) {
  const locale = await localeFrom(params)
  const { slug } = await params
  const program = await programForPage(slug, locale)
  if (!program) return movedOrNotFound('programs', slug, locale)
  const t = messages(locale)
  // Every call to action on the page tells Get involved which program it was clicked on.
  const from = program.slug ? ({ kind: 'program', slug: program.slug } as const) : null
  const [leaders, stories, settings] = await Promise.all([
    programLeaders(program.id, locale),
    listStories({ locale, limit: 6, filter: { program: program.slug } }),
    siteSettings(locale),
  ])
  return (
    <>
      <header className="program__header">
        <h1>{program.name}</h1>
        {program.summary ? <p className="hero__tagline">{program.summary}</p> : null}
        {program.status === 'archived' ? <p className="notice">{t.archived}</p> : null}
      </header>
      <MediaImage
        media={program.heroImage}
        size="hero"
        sizes="(min-width: 64rem) 60rem, 100vw"
        priority
        className="program__hero"
      />

      <div className="program__layout">
        <RichText data={program.description} locale={locale} from={from} className="prose" />
        <aside aria-labelledby="where-and-when" className="facts">
          <h2 id="where-and-when">{t.whereAndWhen}</h2>
          <dl>
            {program.location ? (
              <>
                <dt>{t.location}</dt>
                <dd>{program.location}</dd>
              </>
            ) : null}
            {program.meetingSchedule ? (
              <>
                <dt>{t.schedule}</dt>
                <dd>{program.meetingSchedule}</dd>
              </>
            ) : null}
            {program.audience ? (
              <>
                <dt>{t.audience}</dt>
                <dd>{program.audience}</dd>
              </>
            ) : null}
          </dl>
        </aside>
      </div>

      {program.impactFigures?.length ? (
        <section aria-labelledby="impact" className="section">
          <h2 id="impact">{t.impact}</h2>
          <ImpactFigures figures={program.impactFigures} locale={locale} large />
        </section>
      ) : null}

      {program.lessonTopics?.length ? (
        <section aria-labelledby="lessons" className="section">
          <h2 id="lessons">{t.lessonTopics}</h2>
          <ul role="list" className="topics">
            {program.lessonTopics.map((topic) => (
              <li key={topic.id ?? topic.topic}>
                <h3>{topic.topic}</h3>
                {topic.description ? <p>{topic.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {leaders.length ? (
        <section aria-labelledby="leaders" className="section">
          <h2 id="leaders">{t.leaders}</h2>
          <ul role="list" className="leaders">
            {leaders.map((leader) => (
              <li key={leader.id}>
                {/* Her photo only with her consent to photos; her name may be public without it. */}
                <MediaImage
                  media={leader.photoShown ? leader.photo : null}
                  size="thumbnail"
                  sizes="8rem"
                  className="leaders__photo"
                />
                <p className="leaders__name">{leader.publicName}</p>
                {leader.role ? <p className="meta">{leader.role}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {stories?.docs.length ? (
        <section aria-labelledby="program-stories" className="section">
          <h2 id="program-stories">{t.programStories}</h2>
          <StoryGrid stories={stories.docs} locale={locale} timeZone={settings.timeZone} />
          <p>
            <Link href={localePath(locale, `stories/program/${program.slug}`)}>{t.allStories} →</Link>
          </p>
        </section>
      ) : null}

      <GetInvolved locale={locale} from={from} />
    </>
  )
}
