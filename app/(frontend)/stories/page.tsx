import type { Metadata } from 'next'

import { StoryCard } from '@/components/StoryCard'
import { listStories } from '@/lib/site/publicApi'

export const metadata: Metadata = { title: 'Stories' }

export default async function StoriesPage() {
  const stories = await listStories({ limit: 50 })
  return (
    <>
      <h1>Stories</h1>
      <ul className="story-grid">
        {stories.docs.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} />
          </li>
        ))}
      </ul>
    </>
  )
}
