import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

type JobID = number | string
type Req = Partial<PayloadRequest> | undefined

/**
 * The three writes that decide who runs a job, each one conditional statement that the database
 * applies atomically and that reports whether it changed the job. Two runners can both read a
 * job as free; only one of them changes it.
 */
export type ClaimStore = {
  /**
   * Takes the job if it is still free: not being run. With `due`, also still waiting to be run
   * (not done, not failed for good, not waiting for a retry): what made it a candidate when it
   * was read. True when this call took it.
   */
  claim(id: JobID, due: boolean, req: Req): Promise<boolean>
  /** Frees every job taken but not renewed for `leaseMs`, and returns their IDs. */
  releaseExpired(leaseMs: number, req: Req): Promise<JobID[]>
  /** Renews the lease on a job this runner is running. False when it is no longer taken. */
  renew(id: JobID): Promise<boolean>
}

const stores = new WeakMap<object, ClaimStore>()

export function claimStoreOf(db: Pick<BaseDatabaseAdapter, 'name'>): ClaimStore {
  let store = stores.get(db)
  if (!store) {
    if (db.name === 'sqlite') store = sqliteClaims(db as unknown as SQLiteAdapter)
    else if (db.name === 'mongoose') store = mongoClaims(db as unknown as MongooseAdapter)
    else throw new Error(`Jobs: no atomic job claims for the "${db.name}" database adapter`)
    stores.set(db, store)
  }
  return store
}

/**
 * SQLite: an UPDATE … WHERE, inside the transaction Payload opened around the claim when there
 * is one. Payload's own columns: booleans are 0/1, dates ISO 8601 text, which sorts as time does.
 */
function sqliteClaims(adapter: SQLiteAdapter): ClaimStore {
  const table = () => sql.identifier(adapter.tableNameMap.get('payload_jobs') ?? 'payload_jobs')
  const on = async (req: Req) => {
    const transaction = req?.transactionID ? await req.transactionID : null
    const session = transaction ? adapter.sessions[String(transaction)] : undefined
    return (session?.db as SQLiteAdapter['drizzle'] | undefined) ?? adapter.drizzle
  }
  return {
    async claim(id, due, req) {
      const now = new Date().toISOString()
      const stillDue = due
        ? sql` AND completed_at IS NULL AND has_error IS NOT 1 AND (wait_until IS NULL OR wait_until < ${now})`
        : sql``
      const db = await on(req)
      const result = await db.run(
        sql`UPDATE ${table()} SET processing = 1, updated_at = ${now} WHERE id = ${id} AND processing IS NOT 1${stillDue}`,
      )
      return result.rowsAffected === 1
    },
    async releaseExpired(leaseMs, req) {
      // Every process sharing the file runs on this machine, by this clock.
      const cutoff = new Date(Date.now() - leaseMs)
      const db = await on(req)
      const result = await db.run(
        sql`UPDATE ${table()} SET processing = 0, updated_at = ${new Date().toISOString()}
            WHERE processing = 1 AND updated_at < ${cutoff.toISOString()} RETURNING id`,
      )
      return result.rows.map((row) => row.id as JobID)
    },
    async renew(id) {
      const result = await adapter.drizzle.run(
        sql`UPDATE ${table()} SET updated_at = ${new Date().toISOString()} WHERE id = ${id} AND processing = 1`,
      )
      return result.rowsAffected === 1
    },
  }
}

/**
 * MongoDB: updateOne with the condition in its filter; `modifiedCount` says whether it applied.
 * Runners on several machines renew and expire leases by the database server's clock
 * (`$currentDate`, `$$NOW`), so their own clocks only need to agree with it to well within a lease
 * (Payload's own job updates still write the runner's time).
 */
function mongoClaims(adapter: MongooseAdapter): ClaimStore {
  const jobs = () => adapter.collections['payload-jobs']!
  return {
    async claim(id, due) {
      const now = new Date()
      const stillDue = due
        ? { completedAt: null, hasError: { $ne: true }, $or: [{ waitUntil: null }, { waitUntil: { $lt: now } }] }
        : {}
      const result = await jobs().updateOne(
        { _id: id, processing: { $ne: true }, ...stillDue },
        { $set: { processing: true }, $currentDate: { updatedAt: true } },
      )
      return result.modifiedCount === 1
    },
    async releaseExpired(leaseMs) {
      const expired = { processing: true, $expr: { $lt: ['$updatedAt', { $subtract: ['$$NOW', leaseMs] }] } }
      const candidates = await jobs().find(expired, { _id: 1 }).lean()
      const released: JobID[] = []
      for (const { _id } of candidates) {
        const result = await jobs().updateOne(
          { _id, ...expired },
          { $set: { processing: false }, $currentDate: { updatedAt: true } },
        )
        if (result.modifiedCount === 1) released.push(String(_id))
      }
      return released
    },
    async renew(id) {
      const result = await jobs().updateOne({ _id: id, processing: true }, { $currentDate: { updatedAt: true } })
      return result.matchedCount === 1
    },
  }
}
