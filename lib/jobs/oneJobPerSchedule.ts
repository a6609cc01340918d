import type { Job, PayloadRequest, TaskConfig, Where } from 'payload'

type ScheduleConfig = NonNullable<TaskConfig['schedule']>[number]
type AfterSchedule = NonNullable<NonNullable<ScheduleConfig['hooks']>['afterSchedule']>
type Queueable = Parameters<AfterSchedule>[0]['queueable']

/**
 * Payload queues a scheduled task (the nightly consent check, the removal of blank drafts) when
 * it counts no job of that task waiting or running in its queue. Every process that looks for due
 * jobs does this each minute (each jobs worker, and each app instance's autoRun), at the same
 * second of the minute: two of them both count none and both queue one, and the check runs twice.
 *
 * So once a process has queued its job it looks again, and of the jobs of that task that Payload
 * counted, keeps one: the one running if there is one, otherwise the one with the smallest ID. The
 * others are deleted, and only if they are still waiting. Every process that queued one looks
 * after its own was saved, so the last to look sees them all; all pick the same one to keep.
 */
export function withOneJobPerSchedule<T extends TaskConfig>(task: T): T {
  if (!task.schedule?.length) return task
  return {
    ...task,
    schedule: task.schedule.map((schedule) => ({
      ...schedule,
      hooks: { ...schedule.hooks, afterSchedule: keepOneJob(schedule.hooks?.afterSchedule) },
    })),
  }
}

function keepOneJob(own: AfterSchedule | undefined): AfterSchedule {
  return async (args) => {
    await (own ?? args.defaultAfterSchedule)(args)
    if (args.status === 'success') await removeDuplicates(args.req, args.queueable)
  }
}

async function removeDuplicates(req: PayloadRequest, queued: Queueable): Promise<void> {
  const { payload } = req
  const { scheduleConfig, taskConfig, workflowConfig } = queued
  // The jobs Payload's own check counts (countRunnableOrActiveJobsForQueue): not done, not failed.
  const where: Where = {
    and: [
      { queue: { equals: scheduleConfig.queue } },
      taskConfig ? { taskSlug: { equals: taskConfig.slug } } : { workflowSlug: { equals: workflowConfig?.slug } },
      { 'meta.scheduled': { equals: true } },
      { completedAt: { exists: false } },
      { error: { exists: false } },
    ],
  }
  const { docs } = await payload.db.find<Job>({ collection: 'payload-jobs', where, limit: 0, pagination: false, req })
  const waiting = docs
    .filter((other) => !other.processing)
    .map((other) => String(other.id))
    .sort()
  const keep = docs.some((other) => other.processing) ? null : waiting[0]
  const extra = waiting.filter((id) => id !== keep)
  if (extra.length === 0) return
  await payload.db.deleteMany({
    collection: 'payload-jobs',
    where: { and: [{ id: { in: extra } }, { processing: { not_equals: true } }] },
    req,
  })
  payload.logger.info({
    msg: `Jobs: "${taskConfig?.slug ?? workflowConfig?.slug}" was queued ${docs.length} times at once; one is kept`,
  })
}
