import type { Where } from 'payload'

import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { FromKind } from '@/lib/donors/from'
import type { Locale } from '@/lib/locales'
import { relationId } from '@/lib/relations'
import { fold } from '@/lib/search/fold'
import { storySearchCondition } from '@/lib/search/storyMatches'

import { cacheTags, isStoryTag, showsStoryTag, storyPageTag } from './cacheTags'
import { asVisitor, cardPopulate, programBySlug, storyBySlug, storyHasTranslation } from './documentQueries'

/**
 * Every read the public site makes goes through here, as an anonymous visitor: access control
 * is enforced (`overrideAccess: false`, no user), so a page can only ever show what the public
 * API would. Payload's local API bypasses access by default; never call it directly from a page.
 *
 * Results are cached by Next.js and tagged (see cacheTags.ts); the collections' hooks revalidate
 * the tags on publish, edit, unpublish and delete. Pages therefore never query the database on
 * each request, and never serve stale lists after an edit.
 *
 * Drafts never pass through here: a staff member previewing one reads through `previewApi`,
 * uncached, so no draft can ever enter this shared cache.
 */

/**
 * Production caches every query; development reads fresh each time, so content written by
 * another process (the seed script, a second instance) shows at once. Either way a page asks the
 * database at most once per read and arguments while it renders (React's `cache`): the layout,
 * the page and its metadata all read the site settings, for one.
 */
const cached: typeof unstable_cache = (read, keyParts, options) =>
  cache(process.env.NODE_ENV === 'production' ? unstable_cache(read, keyParts, options) : read)

const storyCardSelect = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  heroImage: true,
  program: true,
} as const

const storyTags = [cacheTags.stories, cacheTags.programs, cacheTags.media, cacheTags.tags]

export const STORIES_PER_PAGE = 6

async function payload() {
  return getPayload({ config })
}

/** The most `shows:` tags one read adds to a page; a read showing more stories tags it as showing all. */
const MAX_SHOWN = 40

/**
 * Tags the page being rendered as showing these stories (cacheTags.ts, `shows:`), so that taking
 * one of them down renders again this page and not every page on the site. The stories are known
 * only once the read has returned, so the tags come from a second, empty cached read that
 * carries them: Next.js gives a page every tag of every cached read it makes.
 */
async function markShown(slugs: Array<string | null | undefined>): Promise<void> {
  if (process.env.NODE_ENV !== 'production') return
  const unique = [...new Set(slugs.filter((slug): slug is string => Boolean(slug)))]
  if (unique.length === 0) return
  const tags =
    unique.length > MAX_SHOWN ? [cacheTags.storiesInFull] : unique.map(showsStoryTag).filter(isStoryTag).sort()
  await unstable_cache(async () => true, ['shows', ...tags], { tags })()
}

/** A cached read of stories that marks the page as showing each story it returns. */
function showing<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  slugsOf: (result: Result) => Array<string | null | undefined>,
): (...args: Args) => Promise<Result> {
  return cache(async (...args: Args) => {
    const result = await read(...args)
    await markShown(slugsOf(result))
    return result
  })
}

export const siteSettings = cached(
  async (locale: Locale) => (await payload()).findGlobal({ ...asVisitor, slug: 'site-settings', locale, depth: 0 }),
  ['site-settings'],
  { tags: [cacheTags.globals] },
)

/** The donor journey's settings: the call to action under stories, giving and the ways to help. */
export const getInvolved = cached(
  async (locale: Locale) => (await payload()).findGlobal({ ...asVisitor, slug: 'get-involved', locale, depth: 0 }),
  ['get-involved'],
  { tags: [cacheTags.globals] },
)

/**
 * The call to action under stories in exactly this language: a text left empty here must read
 * as the built-in wording of this language, not as another language's text.
 */
export const storyCta = cached(
  async (locale: Locale) =>
    (
      await (
        await payload()
      ).findGlobal({
        ...asVisitor,
        slug: 'get-involved',
        locale,
        fallbackLocale: false,
        depth: 0,
        select: { storyCta: true },
      })
    ).storyCta ?? null,
  ['story-cta'],
  { tags: [cacheTags.globals] },
)

/**
 * The default share image from site settings, as the public may see it: null until Voices has
 * marked the image public (privacy/media/visibility.ts), so a card never points at a file the
 * visitor's browser would be refused.
 */
export const defaultShareImage = cached(
  async (locale: Locale) => {
    const settings = await (
      await payload()
    ).findGlobal({ ...asVisitor, slug: 'site-settings', locale, depth: 1, select: { shareImage: true } })
    return typeof settings.shareImage === 'object' ? (settings.shareImage ?? null) : null
  },
  ['default-share-image'],
  { tags: [cacheTags.globals, cacheTags.media] },
)

export const navigation = cached(
  async (locale: Locale) => (await payload()).findGlobal({ ...asVisitor, slug: 'navigation', locale, depth: 0 }),
  ['navigation'],
  { tags: [cacheTags.globals] },
)

export type StoryFilter = { program?: string; tag?: string }

async function filterWhere(filter: StoryFilter, locale: Locale): Promise<Where | null> {
  const p = await payload()
  const where: Where = {}
  if (filter.program) {
    const program = await findProgram(filter.program, locale)
    if (!program) return null
    where.program = { equals: program.id }
  }
  if (filter.tag) {
    const { docs } = await p.find({
      pagination: false,
      ...asVisitor,
      collection: 'tags',
      locale,
      limit: 1,
      where: { slug: { equals: filter.tag } },
    })
    if (!docs[0]) return null
    where.tags = { contains: docs[0].id }
  }
  return where
}

export const listStories = showing(
  cached(
    async ({
      locale,
      page = 1,
      limit = STORIES_PER_PAGE,
      filter = {},
    }: {
      locale: Locale
      page?: number
      limit?: number
      filter?: StoryFilter
    }) => {
      const where = await filterWhere(filter, locale)
      if (!where) return null
      return (await payload()).find({
        ...asVisitor,
        collection: 'stories',
        locale,
        limit,
        page,
        depth: 1,
        sort: '-publishedAt',
        where,
        select: storyCardSelect,
        populate: cardPopulate,
      })
    },
    ['list-stories'],
    { tags: storyTags },
  ),
  (result) => result?.docs.map((story) => story.slug) ?? [],
)

/**
 * One story as its page shows it, tagged as its own page and as showing it (cacheTags.ts). A slug
 * no story could have gets no tags of its own: it is not found whatever is published.
 */
export const findStory = cache((slug: string, locale: Locale) => {
  const own = [storyPageTag(slug), showsStoryTag(slug)].filter(isStoryTag)
  return cached(async () => storyBySlug(asVisitor, slug, locale), ['find-story', slug, locale], {
    tags: [...storyTags, cacheTags.leaders, ...own],
  })()
})

/**
 * Every published story's slug with its ID, in one cached read: what the counting beacon may
 * count. One entry for the whole site, so beacons naming made-up slugs neither reach the
 * database nor push real pages out of the cache.
 */
const publishedStoryIds = cached(
  async (): Promise<Record<string, string>> => {
    const { docs } = await (
      await payload()
    ).find({
      ...asVisitor,
      collection: 'stories',
      depth: 0,
      pagination: false,
      select: { slug: true },
    })
    return Object.fromEntries(docs.filter((story) => story.slug).map((story) => [story.slug, String(story.id)]))
  },
  ['published-story-ids'],
  { tags: [cacheTags.stories] },
)

/** The ID of the published story with this slug (shared by every language), or null. */
export async function publishedStoryId(slug: string): Promise<string | null> {
  const ids = await publishedStoryIds()
  return Object.hasOwn(ids, slug) ? ids[slug]! : null
}

/** Whether the story has its own title in this locale, rather than the English fallback. */
export const isStoryTranslated = cached(
  async (id: string, locale: Locale) => storyHasTranslation(asVisitor, id, locale),
  ['story-translated'],
  { tags: [cacheTags.stories] },
)

/** The stories published just before and just after this one. */
export const adjacentStories = showing(
  cached(
    async (publishedAt: string, id: string, locale: Locale) => {
      const p = await payload()
      const [older, newer] = await Promise.all([
        p.find({
          pagination: false,
          ...asVisitor,
          collection: 'stories',
          locale,
          limit: 1,
          depth: 0,
          sort: '-publishedAt',
          where: { and: [{ publishedAt: { less_than: publishedAt } }, { id: { not_equals: id } }] },
          select: { title: true, slug: true, publishedAt: true },
        }),
        p.find({
          pagination: false,
          ...asVisitor,
          collection: 'stories',
          locale,
          limit: 1,
          depth: 0,
          sort: 'publishedAt',
          where: { and: [{ publishedAt: { greater_than: publishedAt } }, { id: { not_equals: id } }] },
          select: { title: true, slug: true, publishedAt: true },
        }),
      ])
      return { previous: older.docs[0] ?? null, next: newer.docs[0] ?? null }
    },
    ['adjacent-stories'],
    { tags: [cacheTags.stories] },
  ),
  ({ previous, next }) => [previous?.slug, next?.slug],
)

export const moreFromProgram = showing(
  cached(
    async (programId: string, excludeId: string, locale: Locale) =>
      (
        await (
          await payload()
        ).find({
          pagination: false,
          ...asVisitor,
          collection: 'stories',
          locale,
          limit: 3,
          depth: 1,
          sort: '-publishedAt',
          where: { and: [{ program: { equals: programId } }, { id: { not_equals: excludeId } }] },
          select: storyCardSelect,
          populate: cardPopulate,
        })
      ).docs,
    ['more-from-program'],
    { tags: storyTags },
  ),
  (stories) => stories.map((story) => story.slug),
)

/**
 * Every published program's name and slug, for links that need nothing else (the stories
 * index's filters, the sitemap): reading them whole, images and impact figures included, was
 * most of an uncached index page's time at 50 programs.
 */
export const programLinks = cached(
  async (locale: Locale) =>
    (
      await (
        await payload()
      ).find({
        pagination: false,
        ...asVisitor,
        collection: 'programs',
        locale,
        limit: 100,
        depth: 0,
        sort: 'name',
        select: { name: true, slug: true },
      })
    ).docs,
  ['program-links'],
  { tags: [cacheTags.programs] },
)

export const listPrograms = cached(
  async (locale: Locale) =>
    (
      await (
        await payload()
      ).find({
        pagination: false,
        ...asVisitor,
        collection: 'programs',
        locale,
        limit: 100,
        depth: 1,
        sort: 'name',
        select: {
          name: true,
          slug: true,
          summary: true,
          location: true,
          heroImage: true,
          status: true,
          impactFigures: true,
        },
      })
    ).docs,
  ['list-programs'],
  { tags: [cacheTags.programs, cacheTags.media] },
)

export const findProgram = cached(
  async (slug: string, locale: Locale) => programBySlug(asVisitor, slug, locale),
  ['find-program'],
  { tags: [cacheTags.programs, cacheTags.media] },
)

export const programLeaders = cached(
  async (programId: string, locale: Locale) =>
    (
      await (
        await payload()
      ).find({
        pagination: false,
        ...asVisitor,
        collection: 'leaders',
        locale,
        limit: 50,
        depth: 1,
        sort: 'publicName',
        where: { programs: { contains: programId } },
        // Leaders without consent or a public role are not returned at all; `photoShown` says
        // whether she agreed to her photo (without it the photo is withheld, see Leaders).
        select: { publicName: true, role: true, photo: true, photoShown: true },
      })
    ).docs,
  ['program-leaders'],
  { tags: [cacheTags.leaders, cacheTags.media] },
)

export const listTags = cached(
  async (locale: Locale) =>
    (
      await (
        await payload()
      ).find({ ...asVisitor, collection: 'tags', locale, limit: 100, pagination: false, sort: 'name', depth: 0 })
    ).docs,
  ['list-tags'],
  { tags: [cacheTags.tags] },
)

/** Search results a page shows, newest first; each page links to the next while there are more. */
export const SEARCH_RESULTS_PER_PAGE = 12
/** The furthest page of results a visitor can ask for (1,200 results), which bounds a read's cost. */
export const SEARCH_PAGES = 100

/**
 * Full-text search over published stories: title, excerpt and the body's plain text. One page
 * of matches, and whether there are more: counting every match would cost a read of them all
 * (40 ms for a common word at 10,000 stories), so the page reads one story past its end instead.
 *
 * Read from the database for every search, never from the shared cache: an answer kept there
 * would come faster to the next visitor asking for the same words, and tell her that someone had
 * searched for them since the last change. What someone searched for is hers alone.
 */
export const searchStories = showing(
  cache(async (query: string, locale: Locale, page = 1) => {
    const words = query.trim().slice(0, 100)
    const empty = { stories: [], hasMore: false }
    if (!fold(words) || !Number.isInteger(page) || page < 1 || page > SEARCH_PAGES) return empty
    const client = await payload()
    const window = { offset: (page - 1) * SEARCH_RESULTS_PER_PAGE, limit: SEARCH_RESULTS_PER_PAGE + 1 }
    const { where, skip } = await storySearchCondition(client, words, locale, window)
    const { docs } = await client.find({
      ...asVisitor,
      collection: 'stories',
      locale,
      limit: skip + window.limit,
      pagination: false,
      depth: 1,
      sort: '-publishedAt',
      where,
      select: storyCardSelect,
      populate: cardPopulate,
    })
    const stories = docs.slice(skip)
    return { stories: stories.slice(0, SEARCH_RESULTS_PER_PAGE), hasMore: stories.length > SEARCH_RESULTS_PER_PAGE }
  }),
  ({ stories }) => stories.map((story) => story.slug),
)

/** Everything the sitemap and feeds list. */
export const allStorySummaries = showing(
  cached(
    async (locale: Locale, limit = 1000) =>
      (
        await (
          await payload()
        ).find({
          pagination: false,
          ...asVisitor,
          collection: 'stories',
          locale,
          limit,
          depth: 0,
          sort: '-publishedAt',
          select: { title: true, slug: true, excerpt: true, publishedAt: true, updatedAt: true },
        })
      ).docs,
    ['all-story-summaries'],
    { tags: [cacheTags.stories] },
  ),
  (stories) => stories.map((story) => story.slug),
)

/**
 * One part of the published stories for the sitemap (lib/site/sitemap.ts), oldest first, so that
 * a new story joins the last part and the others stay as crawlers read them; with how many parts
 * of this size there are.
 */
export const storiesForSitemap = cached(
  async (part: number, size: number) => {
    const { docs, totalPages } = await (
      await payload()
    ).find({
      ...asVisitor,
      collection: 'stories',
      limit: size,
      page: part,
      depth: 0,
      // Then by ID: stories published at the same moment keep one order from part to part.
      sort: ['publishedAt', 'id'],
      select: { slug: true, updatedAt: true },
    })
    return { stories: docs.map(({ slug, updatedAt }) => ({ slug, updatedAt })), parts: Math.max(1, totalPages) }
  },
  ['sitemap-stories'],
  { tags: [cacheTags.stories] },
)

/** A story or program a donor came from, as Get involved names it and the hand-off passes it on. */
export type Origin = { kind: FromKind; slug: string; title: string; programSlug: string | null }

/**
 * The published story or program with this slug, or null: an unpublished, withdrawn or unknown
 * slug finds nothing (visitors read published documents only), so Get involved never echoes it.
 */
export const findOrigin = showing(
  cached(
    async (kind: FromKind, slug: string, locale: Locale): Promise<Origin | null> => {
      const p = await payload()
      if (kind === 'program') {
        const { docs } = await p.find({
          pagination: false,
          ...asVisitor,
          collection: 'programs',
          locale,
          limit: 1,
          depth: 0,
          where: { slug: { equals: slug } },
          select: { name: true, slug: true },
        })
        const program = docs[0]
        return program?.slug ? { kind, slug: program.slug, title: program.name, programSlug: program.slug } : null
      }
      const { docs } = await p.find({
        pagination: false,
        ...asVisitor,
        collection: 'stories',
        locale,
        limit: 1,
        depth: 1,
        where: { slug: { equals: slug } },
        select: { title: true, slug: true, program: true },
        populate: { programs: { slug: true } },
      })
      const story = docs[0]
      if (!story?.slug) return null
      const program = story.program && typeof story.program === 'object' ? story.program : null
      return { kind, slug: story.slug, title: story.title, programSlug: program?.slug ?? null }
    },
    ['find-origin'],
    { tags: [cacheTags.stories, cacheTags.programs] },
  ),
  (origin) => [origin?.kind === 'story' ? origin.slug : null],
)

/**
 * Where an old URL of a story or program leads: the current slug of the published document that
 * last published under `slug` (collections/Redirects), or null. The one read here not made as a
 * visitor is which document an old slug belonged to, since visitors never read the redirect
 * records; the document itself is then read as a visitor, so a draft, an unpublished or a
 * taken-down document is nobody's destination and its old URLs stay 404. Tagged with the
 * documents' tags too: a rename, an unpublish or a takedown makes the answer fresh.
 */
const redirectTargetCached = cached(
  async (collection: 'stories' | 'programs', slug: string): Promise<string | null> => {
    const p = await payload()
    const { docs } = await p.find({
      pagination: false,
      collection: 'redirects',
      where: { and: [{ from: { equals: slug } }, { 'to.relationTo': { equals: collection } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { to: true },
    })
    const id = relationId(docs[0]?.to?.value)
    if (!id) return null
    const { docs: targets } = await p.find({
      pagination: false,
      ...asVisitor,
      collection,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      select: { slug: true },
    })
    const target = targets[0]?.slug
    return target && target !== slug ? target : null
  },
  ['redirect-target'],
  { tags: [cacheTags.redirects, cacheTags.stories, cacheTags.programs] },
)

/**
 * Where an old URL leads; an old story URL is tagged as showing the story it leads to, so that
 * taking that story down (or renaming it again) expires the redirect with it.
 */
export async function redirectTarget(collection: 'stories' | 'programs', slug: string): Promise<string | null> {
  const target = await redirectTargetCached(collection, slug)
  if (collection === 'stories') await markShown([target])
  return target
}
