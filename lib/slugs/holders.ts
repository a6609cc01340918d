import type { PayloadRequest, Where } from 'payload'

import { ValidationError } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { voicesT } from '@/lib/refusals/translate'
import { numberedSlug } from '@/lib/slugify'

/** The collections whose documents have a public URL made of a slug (fields/slug.ts). */
export type SluggedCollection = 'stories' | 'programs' | 'tags'

type Id = number | string

const takenBy = {
  stories: 'voices:slugs:takenByStory',
  programs: 'voices:slugs:takenByProgram',
  tags: 'voices:slugs:takenByTag',
} as const

/**
 * The other documents of the collection that hold any of these slugs, as slug → holder's ID.
 * A document holds a slug in its stored row, the one the database's unique index guards (what
 * is published, or, until it is, its draft's slug: see fields/slug.ts), and in its latest draft
 * (what it will publish). Read by Voices itself, whoever is saving.
 */
export async function slugHolders(
  collection: SluggedCollection,
  slugs: string[],
  self: Id | undefined,
  req: PayloadRequest,
): Promise<Map<string, Id>> {
  const held = new Map<string, Id>()
  if (slugs.length === 0) return held
  const { payload } = req
  const notSelf = (field: string): Where[] => (self === undefined ? [] : [{ [field]: { not_equals: self } }])
  const rows = await payload.db.find<{ id: Id; slug?: string | null }>({
    collection,
    where: { and: [{ slug: { in: slugs } }, ...notSelf('id')] },
    // Sorted by ID: a collection's default sort may be a localized field, which needs a locale.
    sort: 'id',
    pagination: false,
    req,
  })
  for (const row of rows.docs) if (row.slug) held.set(row.slug, row.id)
  if (payload.collections[collection].config.versions?.drafts) {
    const drafts = await payload.db.findVersions<{ slug?: string | null }>({
      collection,
      where: { and: [{ 'version.slug': { in: slugs } }, { latest: { equals: true } }, ...notSelf('parent')] },
      sort: 'id',
      pagination: false,
      req,
    })
    for (const draft of drafts.docs) {
      const slug = draft.version.slug
      if (slug && !held.has(slug)) held.set(slug, draft.parent as Id)
    }
  }
  return held
}

/**
 * The first of `base`, `base-2`, `base-3`, … that no other document holds and the site's own
 * pages do not use. Asked in batches, so a title used many times costs few queries.
 */
export async function freeSlug(
  collection: SluggedCollection,
  base: string,
  self: Id | undefined,
  reserved: string[],
  req: PayloadRequest,
): Promise<string> {
  const batch = 10
  for (let first = 1; ; first += batch) {
    const candidates = Array.from({ length: batch }, (_, i) => numberedSlug(base, first + i)).filter(
      (candidate) => !reserved.includes(candidate),
    )
    const held = await slugHolders(collection, candidates, self, req)
    const free = candidates.find((candidate) => !held.has(candidate))
    if (free) return free
  }
}

/** Stable codes of the slug's refusals, for API clients (`data.errors[].code`, as the consent gate's). */
export type SlugRefusalCode = 'slugTaken' | 'slugReserved' | 'slugTakenMeanwhile'

/** A refusal of the slug, on the slug field, said in the request's language (the admin's toast shows it too). */
export function slugError(req: PayloadRequest, collection: string, code: SlugRefusalCode, message: string) {
  const errors = [{ path: 'slug', code, label: message, message }]
  return new ValidationError({ collection, req, errors }, req.t)
}

/**
 * "The slug “x” is already used by the story “Title”": the holder is named only when whoever is
 * saving may read it (Voices' own writes, with no user, may); otherwise it is "another document".
 */
export async function slugTakenError(
  collection: SluggedCollection,
  slug: string,
  holder: Id,
  req: PayloadRequest,
): Promise<ValidationError> {
  const title = await readableTitle(collection, holder, req)
  const t = voicesT(req)
  const message = title ? t(takenBy[collection], { slug, title }) : t('voices:slugs:takenByOther', { slug })
  return slugError(req, collection, 'slugTaken', message)
}

async function readableTitle(collection: SluggedCollection, id: Id, req: PayloadRequest): Promise<string | null> {
  const titleField = req.payload.collections[collection].config.admin.useAsTitle ?? 'id'
  const doc = (await req.payload
    .findByID({
      collection,
      id,
      depth: 0,
      draft: true,
      locale: req.locale ?? undefined,
      select: { [titleField]: true },
      disableErrors: true,
      overrideAccess: !req.user,
      user: req.user,
      req: isolatedRequest(req),
    })
    .catch(() => null)) as Record<string, unknown> | null
  const title = doc?.[titleField]
  return typeof title === 'string' && title.trim() ? title.trim() : null
}
