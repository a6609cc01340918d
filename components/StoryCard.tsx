import Link from 'next/link'

import type { Story } from '@/payload-types'

import { formatDate } from './formatDate'
import { MediaImage } from './MediaImage'

type CardStory = Pick<Story, 'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'heroImage' | 'program'>

export function StoryCard({ story }: { story: CardStory }) {
  const program = story.program && typeof story.program === 'object' ? story.program : null
  return (
    <article className="story-card">
      <MediaImage media={story.heroImage} size="card" sizes="(min-width: 48rem) 33vw, 100vw" />
      <h3>
        <Link href={`/stories/${story.slug}`}>{story.title}</Link>
      </h3>
      <p className="story__meta">
        {story.publishedAt ? <time dateTime={story.publishedAt}>{formatDate(story.publishedAt, 'en')}</time> : null}
        {program ? <span> · {program.name}</span> : null}
      </p>
      {story.excerpt ? <p>{story.excerpt}</p> : null}
    </article>
  )
}
