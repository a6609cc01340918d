import type { BaseDatabaseAdapter, DatabaseAdapterObj, UpdateJobsArgs } from 'payload'

import { claimStoreOf } from './claimStore'
import { jobLeaseMs } from './lease'

/**
 * Every way Payload runs jobs (`payload.jobs.run` and `runByID`, the server's autoRun, the
 * `/api/payload-jobs/run` endpoint, the `npm run jobs` worker) takes them the same way: it asks
 * the database adapter's `updateJobs` to set `processing: true`, on one job by ID or on the first
 * due jobs of a query, and runs whatever comes back. MongoDB's adapter reads the due jobs and then
 * updates them by ID, without asking again whether they are still free, so two runners reading
 * at once both take (and run) the same jobs. On SQLite the read and the update share one write
 * transaction, which no other process can enter, but a job taken by ID (`runByID`) is taken even
 * while another runner runs it, on either database.
 *
 * Here that one call is made atomic: the candidates are read as Payload asked, then each is taken
 * with a conditional update (claimStore.ts) and only the jobs this runner changed are returned.
 * Before that, jobs whose runner stopped renewing its lease (lease.ts) are freed, so a worker that
 * died never keeps its jobs.
 */
export function withAtomicJobClaims<T extends Pick<DatabaseAdapterObj, 'init'>>(adapter: T): T {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const updateJobs = db.updateJobs
      db.updateJobs = async function (this: BaseDatabaseAdapter, jobArgs: UpdateJobsArgs) {
        try {
          if (jobArgs.data.processing === true) return await claimJobs(this, updateJobs, jobArgs)
          return await updateJobs.call(this, jobArgs)
        } catch (error) {
          // Payload's runner opens a transaction around this call and, when it throws, neither
          // commits nor rolls it back: on SQLite every other write would wait for it for a minute.
          const transaction = jobArgs.req?.transactionID
          if (transaction) await this.rollbackTransaction(transaction).catch(() => undefined)
          throw error
        }
      }
      return db
    },
  }
}

async function claimJobs(
  db: BaseDatabaseAdapter,
  updateJobs: BaseDatabaseAdapter['updateJobs'],
  args: UpdateJobsArgs,
): ReturnType<BaseDatabaseAdapter['updateJobs']> {
  const store = claimStoreOf(db)
  const released = await store.releaseExpired(jobLeaseMs(), args.req)
  if (released.length > 0) {
    db.payload.logger.warn({
      msg: `Jobs: ${released.length} job(s) whose runner stopped renewing its lease are free to run again`,
      jobs: released,
    })
  }

  const candidates =
    args.id !== undefined
      ? [args.id]
      : (
          await db.find({
            collection: 'payload-jobs',
            where: args.where,
            sort: args.sort,
            limit: args.limit ?? 0,
            pagination: false,
            req: args.req,
          })
        ).docs.map((job) => job.id)

  // A job asked for by ID is run even if it is not due (that is what `runByID` is for), but
  // never while another runner has it.
  const taken: Array<number | string> = []
  for (const id of candidates) if (await store.claim(id, args.id === undefined, args.req)) taken.push(id)
  if (taken.length === 0) return args.returning === false ? null : []

  // Read back through Payload's own method, so the runner gets the jobs exactly as it expects them.
  return updateJobs.call(db, {
    data: args.data,
    req: args.req,
    returning: args.returning,
    sort: args.sort,
    where: { id: { in: taken } },
  })
}
