import type { Metadata } from 'next'
import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'

import { formatDate } from '@/components/formatDate'
import { MediaImage } from '@/components/MediaImage'
import { findStory, siteSettings } from '@/lib/site/publicApi'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const story = await findStory((await params).slug)
  if (!story) return {}
  return { title: story.title, description: story.excerpt ?? undefined }
}

export default async function StoryPage({ params }: Props) {
  const { slug } = await params
  const [story, settings] = await Promise.all([findStory(slug), siteSettings()])
  if (!story) notFound()
  const program = typeof story.program === 'object' ? story.program : null
  const hero = typeof story.heroImage === 'object' ? story.heroImage : null
  return (
    <article className="story">
      <header>
        <h1>{story.title}</h1>
        <p className="story__meta">
          {story.publishedAt ? <time dateTime={story.publishedAt}>{formatDate(story.publishedAt, 'en')}</time> : null}
          {program ? <span> · {program.name}</span> : null}
        </p>
      </header>
      {hero ? (
        <figure className="story__hero">
          <MediaImage media={hero} size="hero" sizes="(min-width: 60rem) 60rem, 100vw" priority />
          {hero.caption || hero.credit ? (
            <figcaption>
              {hero.caption}
              {hero.credit ? <span className="credit"> {hero.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <RichText data={story.body} className="story__body" />
      {settings.donationUrl ? (
        <aside className="cta" aria-labelledby="get-involved">
          <h2 id="get-involved">Get involved</h2>
          <p>Your support keeps a weekly group meeting.</p>
          <a className="button" href={settings.donationUrl}>
            Get involved
          </a>
        </aside>
      ) : null}
    </article>
  )
}
