import Link from 'next/link'

import { StoryCard } from '@/components/StoryCard'
import { listStories, siteSettings } from '@/lib/site/publicApi'

export default async function HomePage() {
  const [settings, stories] = await Promise.all([siteSettings(), listStories({ limit: 6 })])
  return (
    <>
      <section className="hero">
        <h1>{settings.organisationName}</h1>
        {settings.tagline ? <p className="hero__tagline">{settings.tagline}</p> : null}
        {settings.mission ? <p>{settings.mission}</p> : null}
        {settings.donationUrl ? (
          <a className="button" href={settings.donationUrl}>
            Get involved
          </a>
        ) : null}
      </section>
      <section aria-labelledby="latest-stories">
        <h2 id="latest-stories">Latest stories</h2>
        <ul className="story-grid">
          {stories.docs.map((story) => (
            <li key={story.id}>
              <StoryCard story={story} />
            </li>
          ))}
        </ul>
        <p>
          <Link href="/stories">All stories</Link>
        </p>
      </section>
    </>
  )
}
