import type { Payload, TypedUser } from 'payload'

import { hasRole } from '@/lib/roles'

import { needsSignOff } from '@/privacy/publishing/signOff'

export type StoryItem = { id: string; title: string; note?: string }
export type ScheduledItem = StoryItem & { at: string; failed?: string }

export type WorkflowOverview = {
  /** In review, for editors to approve and publish. */
  awaitingReview: StoryItem[] | null
  /** Using a participant, not yet signed off: for safeguarding staff, and editors to know. */
  awaitingSignOff: StoryItem[] | null
  /** The contributor's own unpublished stories. */
  myDrafts: StoryItem[] | null
  scheduled: ScheduledItem[]
  /** Scheduled publishing that did not happen, and why (editors and admins). */
  failedSchedules: ScheduledItem[] | null
}

type StoryDoc = {
  id: string
  title?: unknown
  reviewStatus?: string | null
  dependsOn?: string[] | null
  signOff?: { signedOffAt?: string | null } | null
}

const titleOf = (story: StoryDoc) => (typeof story.title === 'string' && story.title) || 'Untitled story'

/** What the admin home lists for this member of staff, from the latest version of each story. */
export async function workflowOverview(payload: Payload, user: TypedUser): Promise<WorkflowOverview> {
  const role = user as { id: string; role?: string }
  const isEditor = hasRole(role, 'admin', 'editor')
  const seesSignOff = hasRole(role, 'admin', 'editor', 'safeguarding')
  const isContributor = hasRole(role, 'contributor')

  const unpublished = (
    await payload.find({
      collection: 'stories',
      draft: true,
      where: { _status: { equals: 'draft' } },
      sort: '-updatedAt',
      depth: 0,
      limit: 200,
      overrideAccess: true,
      select: { title: true, reviewStatus: true, dependsOn: true, signOff: true, author: true },
    })
  ).docs as unknown as Array<StoryDoc & { author?: string | null }>

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
      title: titles.get(id) ?? 'A deleted story',
      at: String(job.waitUntil ?? job.createdAt),
      note: input.type === 'unpublish' ? 'unpublish' : 'publish',
      failed: job.hasError ? (error?.message ?? 'It could not be published.') : undefined,
    }
  }

  return {
    awaitingReview: isEditor
      ? unpublished
          .filter((story) => story.reviewStatus === 'inReview')
          .map((story) => ({ id: story.id, title: titleOf(story) }))
      : null,
    awaitingSignOff: seesSignOff
      ? unpublished
          .filter(
            (story) => story.reviewStatus !== 'draft' && needsSignOff(story.dependsOn) && !story.signOff?.signedOffAt,
          )
          .map((story) => ({
            id: story.id,
            title: titleOf(story),
            note: story.reviewStatus === 'approved' ? 'approved' : 'in review',
          }))
      : null,
    myDrafts: isContributor
      ? unpublished
          .filter((story) => story.author === role.id)
          .map((story) => ({
            id: story.id,
            title: titleOf(story),
            note: story.reviewStatus === 'inReview' ? 'in review' : 'draft',
          }))
      : null,
    scheduled: jobs.filter((job) => !job.completedAt && !job.hasError).map(toScheduled),
    failedSchedules: isEditor ? jobs.filter((job) => job.hasError).map(toScheduled) : null,
  }
}
