import Link from 'next/link'

import { formatDate, localePath } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import type { Story } from '@/payload-types'

import { MediaImage } from './MediaImage'

export type CardStory = Pick<Story, 'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'heroImage' | 'program'>

export function StoryCard({
  story,
  locale,
  timeZone,
  headingLevel = 3,
  priority,
}: {
  story: CardStory
  locale: Locale
  /** Site settings' time zone, for the date. */
  timeZone: string | null | undefined
  headingLevel?: 2 | 3
  /** Loaded at once, not lazily: the first card at the top of a list is the page's largest paint. */
  priority?: boolean
}) {
  const program = story.program && typeof story.program === 'object' ? story.program : null
  const Heading = `h${headingLevel}` as const
  return (
    <article className="card">
      <MediaImage
        media={story.heroImage}
        size="card"
        sizes="(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw"
        className="card__image"
        priority={priority}
      />
      <div className="card__body">
        <Heading className="card__title">
          <Link href={localePath(locale, `stories/${story.slug}`)}>{story.title}</Link>
        </Heading>
        <p className="meta">
          {story.publishedAt ? (
            <time dateTime={story.publishedAt}>{formatDate(story.publishedAt, locale, timeZone)}</time>
          ) : null}
          {program ? <span> · {program.name}</span> : null}
        </p>
        {story.excerpt ? <p className="card__excerpt">{story.excerpt}</p> : null}
      </div>
    </article>
  )
}

export function StoryGrid({
  stories,
  locale,
  timeZone,
  headingLevel,
  leadsThePage,
}: {
  stories: CardStory[]
  locale: Locale
  timeZone: string | null | undefined
  headingLevel?: 2 | 3
  /** The grid is the top of the page: its first image is loaded at once. */
  leadsThePage?: boolean
}) {
  return (
    <ul className="grid" role="list">
      {stories.map((story, index) => (
        <li key={story.id}>
          <StoryCard
            story={story}
            locale={locale}
            timeZone={timeZone}
            headingLevel={headingLevel}
            priority={leadsThePage && index === 0}
          />
        </li>
      ))}
    </ul>
  )
}
