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
} as const

export type CacheTag = (typeof cacheTags)[keyof typeof cacheTags]
