import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { relationId } from '@/lib/relations'
import { cacheTags, pagesShowingStories } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'

type StoryDoc = {
  _status?: 'draft' | 'published' | null
  slug?: string | null
  publishedAt?: string | null
  program?: unknown
  tags?: unknown
}

/** Which pages a change to a story must have rendered again before anyone sees them. */
export type StoryRenewal =
  /** The story enters lists it was not in, or takes another place in them: every page with stories. */
  | 'everything'
  /** Only the pages that showed it: their page, card, link or feed entry showed what changed. */
  | 'showing'

/** Fields that decide where a published story is listed: which lists, and its place in them. */
const placeFields = ['slug', 'publishedAt', 'program', 'tags'] as const

/** A field's value as comparable text: IDs for relations, whether populated or not. */
function comparable(value: unknown): string {
  const one = (item: unknown) => relationId(item) ?? JSON.stringify(item ?? null)
  return JSON.stringify(Array.isArray(value) ? value.map(one) : one(value))
}

const isPublished = (doc: StoryDoc | undefined) => Boolean(doc) && doc!._status !== 'draft'

/**
 * How the public site is renewed after a story changes (cacheTags.ts). Every page that showed it
 * is expired whenever a published story changes at all: its words, whom and what it shows, or
 * its leaving the site (a consent takedown unpublishes it). When it enters the site, or moves
 * within or between lists, pages that did not show it may now, and every page with stories is
 * expired. Either way the queries about stories are read again (lib/cache/handler.mjs), so every
 * page rendered from now on is built from the database as it is.
 */
export function storyRenewal(doc: StoryDoc, previousDoc: StoryDoc | undefined): StoryRenewal | null {
  const publishedNow = isPublished(doc)
  const publishedBefore = isPublished(previousDoc)
  if (!publishedNow && !publishedBefore) return null
  if (!publishedBefore) return 'everything'
  if (!publishedNow) return 'showing'
  const moved = placeFields.some((field) => comparable(doc[field]) !== comparable(previousDoc?.[field]))
  return moved ? 'everything' : 'showing'
}

/**
 * A draft saved over a published story (autosave, as an editor types) arrives as a change from
 * published to draft, just as unpublishing does; only the stored document tells them apart, since
 * a draft is kept as a version and the published document is left as it was.
 */
async function isDraftOverPublished(doc: StoryDoc & { id?: unknown }, req: PayloadRequest): Promise<boolean> {
  if (doc._status !== 'draft' || doc.id === undefined) return false
  const stored = await req.payload.db.findOne<StoryDoc & { id: string }>({
    collection: 'stories',
    where: { id: { equals: doc.id } },
    req,
  })
  return stored?._status === 'published'
}

const slugsOf = (...docs: Array<StoryDoc | undefined>) => [
  ...new Set(docs.map((doc) => doc?.slug).filter((slug): slug is string => Boolean(slug))),
]

function renew(renewal: StoryRenewal, slugs: string[], req: PayloadRequest): void {
  revalidatePublicSite(
    renewal === 'everything' ? [cacheTags.stories, ...pagesShowingStories(slugs)] : pagesShowingStories(slugs),
    req,
  )
  if (renewal === 'showing') revalidatePublicSite([cacheTags.stories], req, 'refresh')
}

/** After stories were unpublished together (a consent takedown): every page that showed them. */
export const renewUnpublishedStories = (slugs: string[], req: PayloadRequest): void => {
  if (slugs.length > 0) renew('showing', [...new Set(slugs)], req)
}

/** Where `rememberStoredStory` keeps what it read, by story ID, for this operation. */
const STORED_BEFORE = 'voicesStoriesAsStoredBefore'

function storedBefore(req: PayloadRequest): Map<string, StoryDoc> {
  const context = req.context as Record<string, unknown>
  context[STORED_BEFORE] ??= new Map<string, StoryDoc>()
  return context[STORED_BEFORE] as Map<string, StoryDoc>
}

/**
 * The story as the database held it before this change, for `revalidateStory`. The previous
 * document Payload hands the hooks is not always that: restoring a version hands them the newest
 * version, which is a draft once an editor saved one over the published story. Restoring that
 * draft took the story off the site while the site was told nothing, and searches already made
 * went on listing it.
 */
export const rememberStoredStory: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const id = (originalDoc as { id?: unknown } | undefined)?.id
  if (operation !== 'update' || id === undefined || id === null) return data
  const stored = await req.payload.db.findOne<StoryDoc & { id: string }>({
    collection: 'stories',
    where: { id: { equals: id } },
    select: { _status: true, slug: true },
    req,
  })
  if (stored) storedBefore(req).set(String(id), stored)
  return data
}

export const revalidateStory: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const stored = storedBefore(req).get(String((doc as { id?: unknown }).id))
  const previous =
    stored && isPublished(stored) && !isPublished(previousDoc as StoryDoc | undefined)
      ? { ...(previousDoc as StoryDoc | undefined), _status: stored._status, slug: stored.slug }
      : (previousDoc as StoryDoc | undefined)
  const renewal = storyRenewal(doc as StoryDoc, previous)
  if (!renewal) return doc
  if (!isPublished(doc as StoryDoc) && (await isDraftOverPublished(doc as StoryDoc, req))) return doc
  renew(renewal, slugsOf(doc as StoryDoc, previous), req)
  return doc
}

export const revalidateDeletedStory: CollectionAfterDeleteHook = ({ doc, req }) => {
  renew('showing', slugsOf(doc as StoryDoc), req)
  return doc
}
