import type { PayloadRequest } from 'payload'

import { renewUnpublishedStories } from '@/collections/Stories/hooks/revalidateStory'
import { noSignOff } from '@/privacy/publishing/signOff'
import { refreshMediaVisibility } from '@/privacy/media/visibility'

export type StoryToUnpublish = { id: string; slug?: string | null; mediaUsed?: string[] | null }

/**
 * A story taken down, and its newest version: a draft at the start of review, not signed off, with
 * this takedown added to its record.
 */
const takenDown = (now: string, takedowns: unknown) => ({
  _status: 'draft',
  reviewStatus: 'draft',
  signOff: noSignOff,
  takedowns: [...(Array.isArray(takedowns) ? takedowns : []), now],
  updatedAt: now,
})

/**
 * Unpublishes stories for a consent takedown, as one write inside the caller's transaction.
 *
 * An editor's "Unpublish" is a full save: every hook, the derived text worked out again, the
 * publishing policy judged, a new version. None of that changes anything for a story going down:
 * its text stays as it was and unpublishing is always allowed. What does change is written here,
 * through the database adapter (SQLite and MongoDB alike):
 * - the story becomes a draft (and is stamped as changed, so an editor who had it open is told
 *   before saving over the takedown);
 * - it goes back to the start of review: no longer approved, and without the safeguarding
 *   sign-off, which was given while she consented. Whoever puts it up again, once her consent is
 *   back or the story no longer needs it, takes it through review and sign-off anew: the time of
 *   each takedown is kept on the story, and no sign-off from before the last holds, not even the
 *   one a restored version carries (privacy/publishing/signOff.ts). The published version keeps the
 *   sign-off it went live with, for the record;
 * - its newest version (the published one, or an editor's draft since) is kept in the history
 *   and a copy of it, marked draft, becomes the latest, so the admin shows the story as a draft
 *   and the published version can still be restored later;
 * - then, once for all of them: every page that showed them is expired and the images they used
 *   are checked again.
 * A hundred stories are about 700 statements this way, against about 4,800 as full saves, and
 * well under the five seconds a takedown may take (BENCHMARKS.md, "Scale").
 */
export async function unpublishStories(stories: StoryToUnpublish[], req: PayloadRequest): Promise<void> {
  if (stories.length === 0) return
  const { payload } = req
  const ids = stories.map((story) => story.id)
  const now = new Date().toISOString()
  const { docs: latest } = await payload.db.findVersions<Record<string, unknown>>({
    collection: 'stories',
    where: { and: [{ parent: { in: ids } }, { latest: { equals: true } }] },
    locale: 'all',
    limit: 0,
    pagination: false,
    req,
  })
  const latestOf = new Map(latest.map((version) => [String(version.parent), version.version]))
  for (const id of ids) {
    // A story always has a version (drafts are on); one saved before versions were kept is
    // copied from the document itself. Every save keeps the two's takedowns alike.
    const newest =
      latestOf.get(id) ??
      (await payload.db.findOne<Record<string, unknown> & { id: string }>({
        collection: 'stories',
        where: { id: { equals: id } },
        locale: 'all',
        req,
      }))
    const down = takenDown(now, newest?.takedowns)
    await payload.db.updateOne({ collection: 'stories', id, data: down, req, returning: false })
    if (!newest) continue
    const { id: _id, ...content } = newest
    await payload.db.createVersion({
      collectionSlug: 'stories',
      parent: id,
      versionData: { ...content, ...down } as never,
      autosave: false,
      createdAt: now,
      updatedAt: now,
      req,
      returning: false,
    })
  }
  renewUnpublishedStories(
    stories.map((story) => story.slug).filter((slug): slug is string => Boolean(slug)),
    req,
  )
  await refreshMediaVisibility(
    req,
    stories.flatMap((story) => story.mediaUsed ?? []),
  )
}
