import type { SanitizedConfig } from 'payload'

import { withAtomicJobClaims } from './atomicClaims'
import { withOneJobPerSchedule } from './oneJobPerSchedule'
import { withRenewedClaim } from './renewedClaims'

/**
 * Lets any number of processes run the jobs queue against one database (several `npm run jobs`
 * workers, app instances with autoRun, the `/api/payload-jobs/run` endpoint) with each job run by
 * one of them only: taken atomically (atomicClaims.ts), held under a lease its runner renews
 * (renewedClaims.ts) and given up when the runner dies (lease.ts), and each scheduled run queued
 * once (oneJobPerSchedule.ts). Applied to the sanitized config, so Payload's own scheduled
 * publishing task is covered too.
 */
export function eachJobRunsOnce(config: SanitizedConfig): SanitizedConfig {
  // With either option Payload takes jobs through `payload.update`, around the adapter's
  // `updateJobs` that atomicClaims.ts makes atomic.
  if (config.jobs.runHooks || config.jobs.depth) {
    throw new Error('Jobs: `jobs.runHooks` and `jobs.depth` would let two runners take the same job; leave them unset')
  }
  config.db = withAtomicJobClaims(config.db)
  config.jobs.tasks = config.jobs.tasks?.map((task) => withOneJobPerSchedule(withRenewedClaim(task)))
  return config
}
