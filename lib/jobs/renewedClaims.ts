import type { Payload, TaskConfig } from 'payload'

import { claimStoreOf } from './claimStore'
import { leaseRenewalMs } from './lease'

/**
 * Keeps a job's lease (lease.ts) fresh while its task runs, so a task that takes longer than a
 * lease (a slow mail server, a consent check over many stories) is not taken for a dead worker's
 * and run a second time. Renewal stops with the task: a runner that dies, or a run that ends
 * without Payload writing the job's outcome, leaves a lease that runs out.
 */
export function withRenewedClaim<T extends TaskConfig>(task: T): T {
  const handler = task.handler
  // A path to a handler (Payload loads it itself) is not used in Voices.
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: async (args: Parameters<typeof handler>[0]) => {
      // Started here, before the task opens any transaction: the renewals are writes of their
      // own, never part of (and never waiting for) the task's.
      const stop = keepRenewing(args.req.payload, args.job.id)
      try {
        return await handler(args)
      } finally {
        stop()
      }
    },
  } as T
}

function keepRenewing(payload: Payload, id: number | string): () => void {
  let renewing = false
  const timer = setInterval(() => {
    if (renewing) return
    renewing = true
    claimStoreOf(payload.db)
      .renew(id)
      .then((held) => {
        if (!held) payload.logger.warn({ msg: 'Jobs: a running job is no longer marked as taken', job: id })
      })
      .catch((error: unknown) => {
        // The next renewal tries again; only a lease's worth of failures lets the job go.
        payload.logger.warn({ msg: 'Jobs: could not renew the lease on a running job', job: id, err: error })
      })
      .finally(() => (renewing = false))
  }, leaseRenewalMs())
  timer.unref()
  return () => clearInterval(timer)
}
