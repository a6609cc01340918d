/**
 * Cache tags for the public site. Every cached query is tagged with the collections whose
 * documents it shows; a change to any of those documents revalidates the tag, and with it every
 * page, list, feed and sitemap that used the query, in every locale.
 */
export const cacheTags = {
  stories: 'stories',
  programs: 'programs',
  leaders: 'leaders',
  /** Public names of participants and leaders, as rendered in stories. */
  people: 'people',
  tags: 'tags',
  media: 'media',
  globals: 'globals',
  /** Old slugs of published stories and programs (collections/Redirects). */
  redirects: 'redirects',
  /**
   * Pages that list more stories than they could carry a `shows:` tag for each (the feeds, the
   * sitemap): expired with every takedown, as if they showed every story.
   */
  storiesInFull: 'stories-in-full',
} as const

export type CacheTag = (typeof cacheTags)[keyof typeof cacheTags]

/**
 * Tags for one story, by its slug (shared by every language, and unique):
 * - `story:<slug>`, its own page in every language: expired by any edit of the story;
 * - `shows:<slug>`, every page that shows anything of it (its page, its card in a list, a link to
 *   it beside another story, a search result): expired when it is taken down or changes whom
 *   and what it shows, so a takedown renders again only the pages that showed it
 *   (collections/Stories/hooks/revalidateStory.ts).
 */
export type StoryTag = `story:${string}` | `shows:${string}`

export const storyPageTag = (slug: string): StoryTag => `story:${slug}`

export const showsStoryTag = (slug: string): StoryTag => `shows:${slug}`

export const isStoryTag = (tag: string): tag is StoryTag => /^(?:story|shows):[a-z0-9-]{1,200}$/.test(tag)

/** Every page that showed anything of these stories: their own pages, and the feeds and sitemap. */
export const pagesShowingStories = (slugs: string[]): Array<StoryTag | CacheTag> => [
  ...slugs.flatMap((slug) => [storyPageTag(slug), showsStoryTag(slug)]),
  cacheTags.storiesInFull,
]
