import type { Payload, TypedUser, Where } from 'payload'

import { hasRole } from '@/lib/roles'

export type StoryItem = { id: string; title: string; note?: string }
export type ScheduledItem = StoryItem & { at: string; failed?: string }

/**
 * One list on the admin home. `where` is the filter it was read with: the dashboard counts with
 * it, shows the newest few, and links to the stories list filtered the same way, so the count,
 * the items and the list it opens always agree.
 */
export type StorySection = { items: StoryItem[]; total: number; where: Where }

export type WorkflowOverview = {
  /** In review, for editors to approve and publish. */
  awaitingReview: StorySection | null
  /** Submitted, using a participant, not yet signed off: for safeguarding staff, and editors to know. */
  awaitingSignOff: StorySection | null
  /** The contributor's own unpublished stories. */
  myDrafts: StorySection | null
  scheduled: ScheduledItem[]
  /** Scheduled publishing that did not happen, and why (editors and admins). */
  failedSchedules: ScheduledItem[] | null
}

type StoryDoc = { id: string; title?: unknown; reviewStatus?: string | null }

/** Empty when untitled: the dashboard words that in the admin's language. */
const titleOf = (story: StoryDoc) => (typeof story.title === 'string' && story.title) || ''

const reviewNote = (story: StoryDoc) =>
  story.reviewStatus === 'approved' ? 'approved' : story.reviewStatus === 'inReview' ? 'in review' : 'draft'

/** How many items each list shows; the link opens the rest. */
export const sectionSize = 5

export const sectionFilters = {
  myDrafts: (userId: string | number): Where => ({
    and: [{ author: { equals: userId } }, { _status: { equals: 'draft' } }],
  }),
  awaitingReview: (): Where => ({ and: [{ reviewStatus: { equals: 'inReview' } }, { _status: { equals: 'draft' } }] }),
  // A story that uses a participant needs safeguarding's sign-off (see privacy/publishing/signOff.ts).
  awaitingSignOff: (): Where => ({
    and: [
      { _status: { equals: 'draft' } },
      { reviewStatus: { not_equals: 'draft' } },
      { dependsOn: { like: 'participants:' } },
      { 'signOff.signedOffAt': { exists: false } },
    ],
  }),
}

async function section(payload: Payload, where: Where): Promise<StorySection> {
  // Drafts as the stories list shows them: the latest version of each.
  const found = await payload.find({
    collection: 'stories',
    draft: true,
    where,
    sort: '-updatedAt',
    depth: 0,
    limit: sectionSize,
    overrideAccess: true,
    select: { title: true, reviewStatus: true },
  })
  return {
    items: found.docs.map((story) => ({
      id: String(story.id),
      title: titleOf(story as StoryDoc),
      note: reviewNote(story as StoryDoc),
    })),
    total: found.totalDocs,
    where,
  }
}

/** What the admin home lists for this member of staff. */
export async function workflowOverview(payload: Payload, user: TypedUser): Promise<WorkflowOverview> {
  const role = user as { id: string; role?: string }
  const isEditor = hasRole(role, 'admin', 'editor')
  const seesSignOff = hasRole(role, 'admin', 'editor', 'safeguarding')
  const isContributor = hasRole(role, 'contributor')

  const [awaitingReview, awaitingSignOff, myDrafts] = await Promise.all([
    isEditor ? section(payload, sectionFilters.awaitingReview()) : null,
    seesSignOff ? section(payload, sectionFilters.awaitingSignOff()) : null,
    isContributor ? section(payload, sectionFilters.myDrafts(role.id)) : null,
  ])

  const jobs = (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.relationTo': { equals: 'stories' } }] },
      sort: 'waitUntil',
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
  ).docs
  const storyIds = [...new Set(jobs.map((job) => String((job.input as { doc?: { value?: unknown } }).doc?.value)))]
  const titles = new Map(
    (
      await payload.find({
        collection: 'stories',
        draft: true,
        where: { id: { in: storyIds } },
        depth: 0,
        limit: storyIds.length || 1,
        overrideAccess: true,
        select: { title: true },
      })
    ).docs.map((story) => [String(story.id), titleOf(story as StoryDoc)]),
  )
  const toScheduled = (job: (typeof jobs)[number]): ScheduledItem => {
    const input = job.input as { type?: string; doc?: { value?: unknown } }
    const id = String(input.doc?.value)
    const error = job.error as { message?: string } | null | undefined
    return {
      id,
      title: titles.get(id) ?? '',
      at: String(job.waitUntil ?? job.createdAt),
      note: input.type === 'unpublish' ? 'unpublish' : 'publish',
      failed: job.hasError ? (error?.message ?? '') : undefined,
    }
  }

  return {
    awaitingReview,
    awaitingSignOff,
    myDrafts,
    scheduled: jobs.filter((job) => !job.completedAt && !job.hasError).map(toScheduled),
    failedSchedules: isEditor ? jobs.filter((job) => job.hasError).map(toScheduled) : null,
  }
}
