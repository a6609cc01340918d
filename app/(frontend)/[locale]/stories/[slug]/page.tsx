import type { Metadata } from 'next'
import Link from 'next/link'

import { CountStory } from '@/components/CountStory.client'
import { GetInvolved } from '@/components/GetInvolved'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import { StoryGrid } from '@/components/StoryCard'
import { formatDate, localePath, messages } from '@/lib/i18n'
import { pageMetadata } from '@/lib/site/metadata'
import { movedOrNotFound } from '@/lib/site/oldUrls'
import { siteOrigin } from '@/lib/site/origin'
import { previewer } from '@/lib/preview/session'
import { namesForPage, storyForPage, storyTranslatedForPage } from '@/lib/site/previewApi'
import { adjacentStories, moreFromProgram, siteSettings } from '@/lib/site/publicApi'
import { personKey } from '@/privacy/content/uses'
import { featuredPeople } from '@/privacy/names/siteNames'
import { localeFrom } from '@/lib/site/routeParams'

type Props = { params: Promise<{ locale: string; slug: string }> }

export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  const story = await storyForPage((await params).slug, locale)
  if (!story) return {}
  return pageMetadata({
    locale,
    path: `stories/${story.slug}`,
    title: story.meta?.title || story.title,
    description: story.meta?.description || story.excerpt,
    image: (typeof story.meta?.image === 'object' && story.meta.image) || story.heroImage,
    type: 'article',
    publishedTime: story.publishedAt,
  })
}

export default async function StoryPage({ params }: Props) {
  const locale = await localeFrom(params)
  const { slug } = await params
  const story = await storyForPage(slug, locale)
  if (!story) return movedOrNotFound('stories', slug, locale)
  const t = messages(locale)
  const program = typeof story.program === 'object' ? story.program : null
  const hero = typeof story.heroImage === 'object' ? story.heroImage : null
  const tags = (story.tags ?? []).filter((tag) => typeof tag === 'object')
  const featured = featuredPeople(story)
  const [translated, adjacent, more, settings, names, previewing] = await Promise.all([
    locale === 'en' ? true : storyTranslatedForPage(story.id, locale),
    story.publishedAt ? adjacentStories(story.publishedAt, story.id, locale) : { previous: null, next: null },
    program ? moreFromProgram(program.id, story.id, locale) : [],
    siteSettings(locale),
    namesForPage(story.body, locale, featured),
    previewer(),
  ])
  const url = `${siteOrigin()}${localePath(locale, `stories/${story.slug}`)}`
  // Every call to action on the page tells Get involved which story it was clicked on.
  const from = { kind: 'story', slug: story.slug } as const
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Article',
          headline: story.title,
          description: story.excerpt ?? undefined,
          datePublished: story.publishedAt ?? undefined,
          dateModified: story.updatedAt,
          inLanguage: locale,
          mainEntityOfPage: url,
          image: hero?.sizes?.share?.url ? new URL(hero.sizes.share.url, siteOrigin()).toString() : undefined,
          publisher: { '@type': 'NGO', name: settings.organisationName },
        }}
      />
      <article className="story">
        <header className="story__header">
          {!translated ? (
            <p className="notice" role="note">
              {t.untranslated}
            </p>
          ) : null}
          <h1>{story.title}</h1>
          <p className="meta">
            {story.publishedAt ? (
              <>
                {t.publishedOn}{' '}
                <time dateTime={story.publishedAt}>{formatDate(story.publishedAt, locale, settings.timeZone)}</time>
              </>
            ) : null}
            {program ? (
              <>
                {' · '}
                <Link href={localePath(locale, `programs/${program.slug}`)}>{program.name}</Link>
              </>
            ) : null}
          </p>
        </header>
        {hero ? (
          <figure className="story__hero">
            <MediaImage media={hero} size="hero" sizes="(min-width: 64rem) 60rem, 100vw" priority />
            {hero.caption || hero.credit ? (
              <figcaption>
                {hero.caption}
                {hero.credit ? <span className="credit"> {hero.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        <RichText data={story.body} locale={locale} names={names} from={from} className="prose" />
        {featured.length ? (
          <section className="story__people" aria-labelledby="story-people">
            <h2 id="story-people">{t.peopleInStory}</h2>
            <ul>
              {/* Keyed by place, not by ID: the page's markup carries no participant's ID. */}
              {featured.map((person, i) => (
                <li key={i}>{names[personKey(person)]}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {tags.length ? (
          <p className="meta">
            {t.tags}:{' '}
            {tags.map((tag, i) => (
              <span key={tag.id}>
                {i > 0 ? ', ' : ''}
                <Link href={localePath(locale, `stories/tag/${tag.slug}`)}>{tag.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </article>

      <GetInvolved locale={locale} from={from} />
      {/* Readers are counted, staff previewing drafts are not (the endpoint checks draft mode too). */}
      {previewing ? null : <CountStory slug={story.slug} locale={locale} />}

      {adjacent.previous || adjacent.next ? (
        <nav aria-label={t.storyNavigation} className="adjacent">
          {adjacent.previous ? (
            <Link href={localePath(locale, `stories/${adjacent.previous.slug}`)} rel="prev" className="adjacent__link">
              <span className="adjacent__label">← {t.previousStory}</span>
              <span className="adjacent__title">{adjacent.previous.title}</span>
              <time dateTime={adjacent.previous.publishedAt ?? undefined}>
                {formatDate(adjacent.previous.publishedAt, locale, settings.timeZone)}
              </time>
            </Link>
          ) : (
            <span />
          )}
          {adjacent.next ? (
            <Link
              href={localePath(locale, `stories/${adjacent.next.slug}`)}
              rel="next"
              className="adjacent__link adjacent__link--next"
            >
              <span className="adjacent__label">{t.nextStory} →</span>
              <span className="adjacent__title">{adjacent.next.title}</span>
              <time dateTime={adjacent.next.publishedAt ?? undefined}>
                {formatDate(adjacent.next.publishedAt, locale, settings.timeZone)}
              </time>
            </Link>
          ) : null}
        </nav>
      ) : null}

      {more.length ? (
        <section aria-labelledby="more-stories" className="section">
          <h2 id="more-stories">{t.moreStories}</h2>
          <StoryGrid stories={more} locale={locale} timeZone={settings.timeZone} />
        </section>
      ) : null}
    </>
  )
}
