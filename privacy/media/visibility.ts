import type { PayloadRequest, Where } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { polymorphicRef, relationId } from '@/lib/relations'
import { cacheTags } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'
import { loadPeople } from '@/privacy/consent/check'
import { hasConsent } from '@/privacy/consent/scopes'
import { peopleCollections, type PeopleCollection, type PersonRef, personKey } from '@/privacy/content/uses'

/**
 * Media are private until a published page uses them. Each media document carries a `public`
 * flag that its read access (and so every file request, `/api/media/file/…`) checks: anonymous
 * visitors read a file, its alt text and caption only while the flag is set. Voices keeps the
 * flag current whenever something that decides it changes, so no image request ever has to
 * work it out:
 *
 * - a published story or program uses the image (hero, body, share image, in any language),
 *   a leader shown on the site has it as her photo, or site settings name it as the default share
 *   image;
 * - and everyone it shows (and the leader whose photo it is) has valid photo consent.
 *
 * Called after stories, programs, leaders, participants or site settings change, after a media
 * document's "people shown" changes, and nightly for expiries.
 */

/** The public uses of an image: which documents may show it, and whose consent each needs beyond those shown. */
const published: Where = { _status: { equals: 'published' } }

const publicUses: Array<{
  collection: 'stories' | 'programs' | 'leaders'
  where: (ids: string[]) => Where
  media: (doc: Record<string, unknown>) => string[]
  owner?: (doc: Record<string, unknown>) => PersonRef
}> = [
  {
    collection: 'stories',
    where: (ids) => ({ and: [published, { mediaUsed: { in: ids } }] }),
    media: (doc) => (doc.mediaUsed as string[] | null) ?? [],
  },
  {
    collection: 'programs',
    where: (ids) => ({ and: [published, { mediaUsed: { in: ids } }] }),
    media: (doc) => (doc.mediaUsed as string[] | null) ?? [],
  },
  {
    collection: 'leaders',
    // `photoShown`: she is shown on the site and agreed to photos (privacy/leaders/shownOnSite.ts).
    where: (ids): Where => ({ and: [{ photoShown: { equals: true } }, { photo: { in: ids } }] }),
    media: (doc) => [relationId(doc.photo)].filter((id): id is string => Boolean(id)),
    owner: (doc) => ({ collection: 'leaders', id: String(doc.id) }),
  },
]

/** Globals that show an image on every page: always public uses, needing only the consent of those shown. */
export const globalUses: Array<{ global: 'site-settings'; media: (doc: Record<string, unknown>) => string[] }> = [
  { global: 'site-settings', media: (doc) => [relationId(doc.shareImage)].filter((id): id is string => Boolean(id)) },
]

type MediaState = { public: boolean; people: PersonRef[] }

/** Documents read per query while looking for an image's uses. */
const USES_PAGE = 50

/**
 * The documents that use these images publicly. Where each use needs the same consent (the
 * people the image shows: stories, programs), one use per image decides, so only enough
 * documents to find one for each are read: a default image in a thousand stories costs one
 * short query, not a thousand documents (every story saved would otherwise read them all).
 * A leader's photo needs her consent too, so every leader using it is read.
 */
async function usesOf(
  use: (typeof publicUses)[number],
  mediaIds: string[],
  req: PayloadRequest,
): Promise<Record<string, unknown>[]> {
  const read = (ids: string[], limit?: number) =>
    req.payload.find({
      collection: use.collection,
      where: use.where(ids),
      depth: 0,
      pagination: false,
      ...(limit ? { limit } : {}),
      overrideAccess: true,
      req,
      select: { mediaUsed: true, photo: true },
    })
  if (use.owner) return (await read(mediaIds)).docs as unknown as Record<string, unknown>[]
  const found: Record<string, unknown>[] = []
  let remaining = mediaIds
  // Each round finds a use of at least one image not yet found, or ends.
  while (remaining.length > 0) {
    const docs = (await read(remaining, USES_PAGE)).docs as unknown as Record<string, unknown>[]
    if (docs.length === 0) break
    found.push(...docs)
    const seen = new Set(docs.flatMap((doc) => use.media(doc)))
    remaining = remaining.filter((id) => !seen.has(id))
  }
  return found
}

async function consentsFor(refs: PersonRef[], req: PayloadRequest, now: Date): Promise<Set<string>> {
  const allowed = new Set<string>()
  for (const collection of peopleCollections) {
    const ids = [...new Set(refs.filter((r) => r.collection === collection).map((r) => r.id))]
    const people = await loadPeople(collection, ids, req)
    for (const [id, person] of people) {
      if (!person.erased && hasConsent(person.consent, 'photo', now)) allowed.add(personKey({ collection, id }))
    }
  }
  return allowed
}

/**
 * Recomputes the flag of these media (or all of them) and writes the ones that changed. Returns
 * the IDs whose visibility changed.
 */
export async function refreshMediaVisibility(
  request: PayloadRequest,
  ids?: Iterable<string>,
  now = new Date(),
): Promise<string[]> {
  const req = isolatedRequest(request)
  const wanted = ids ? [...new Set(ids)].filter(Boolean) : undefined
  if (wanted && wanted.length === 0) return []
  const media = (
    await req.payload.find({
      collection: 'media',
      where: wanted ? { id: { in: wanted } } : {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { public: true, peopleShown: true },
    })
  ).docs
  if (media.length === 0) return []
  const mediaIds = media.map((doc) => String(doc.id))
  const states = new Map<string, MediaState>(
    media.map((doc) => [
      String(doc.id),
      {
        public: Boolean(doc.public),
        people: (doc.peopleShown ?? []).flatMap((value) => {
          const ref = polymorphicRef(value, peopleCollections)
          return ref ? [{ collection: ref.relationTo as PeopleCollection, id: ref.id }] : []
        }),
      },
    ]),
  )

  // Every public use of each image, as the people whose photo consent it needs.
  const uses = new Map<string, PersonRef[][]>()
  for (const use of publicUses) {
    for (const doc of await usesOf(use, mediaIds, req)) {
      for (const id of use.media(doc)) {
        const state = states.get(id)
        if (!state) continue
        const needed = use.owner ? [...state.people, use.owner(doc)] : state.people
        uses.set(id, [...(uses.get(id) ?? []), needed])
      }
    }
  }

  for (const use of globalUses) {
    const doc = await req.payload.findGlobal({ slug: use.global, depth: 0, overrideAccess: true, req })
    for (const id of use.media(doc as unknown as Record<string, unknown>)) {
      const state = states.get(id)
      if (state) uses.set(id, [...(uses.get(id) ?? []), state.people])
    }
  }

  const everyone = [...uses.values()].flat(2)
  const consenting = await consentsFor(everyone, req, now)
  const changed: string[] = []
  for (const [id, state] of states) {
    const visible = (uses.get(id) ?? []).some((people) => people.every((ref) => consenting.has(personKey(ref))))
    if (visible === state.public) continue
    // A flag, not an edit: written straight to the database, without hooks or a new version.
    await req.payload.db.updateOne({ collection: 'media', id, data: { public: visible }, req })
    changed.push(id)
  }
  if (changed.length > 0) revalidatePublicSite([cacheTags.media], request)
  return changed
}

/** The media that show this person, for refreshing after her consent changes. */
export async function mediaShowing(ref: PersonRef, req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'media',
    where: {
      and: [{ 'peopleShown.relationTo': { equals: ref.collection } }, { 'peopleShown.value': { equals: ref.id } }],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req: isolatedRequest(req),
    select: { public: true },
  })
  return docs.map((doc) => String(doc.id))
}
