import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { enterWriteScope, type WriteScope } from './scope'

type Callback = () => unknown
type Pending = { scope: WriteScope; onRollback: Callback[]; afterCommit: Callback[] }
type Session = SQLiteAdapter['sessions'][string]

/** Thrown inside drizzle's transaction callback to make it roll back. */
class RolledBack extends Error {}

const pendingKey = Symbol.for('voices.sqlite.pendingTransactions')
type WithPending = SQLiteAdapter & { [pendingKey]?: Map<string, Pending> }

function pendingOf(adapter: SQLiteAdapter): Map<string, Pending> {
  const withPending = adapter as WithPending
  return (withPending[pendingKey] ??= new Map())
}

/**
 * Payload's transactions for SQLite (the adapter's `beginTransaction`, `commitTransaction` and
 * `rollbackTransaction`). They differ from @payloadcms/drizzle's in three ways:
 * - the transaction's scope is entered into the calling operation's async context, so a write
 *   made from inside it without `req` joins it instead of waiting for it (scope.ts);
 * - a failed COMMIT is reported to the operation (drizzle's version logs and forgets it, so the
 *   client would be told that a change was saved that SQLite had rolled back);
 * - work outside the database can be undone with the transaction (`onRollback`, e.g. the files
 *   of an upload) or wait for it (`afterCommit`).
 */
export function beginTransaction(this: SQLiteAdapter): Promise<string> {
  // Synchronously, before anything is awaited: see enterWriteScope.
  const scope = enterWriteScope()
  return open(this, scope)
}

async function open(adapter: SQLiteAdapter, scope: WriteScope): Promise<string> {
  await adapter.initializing
  const id = randomUUID()
  let decide: (commit: boolean) => void = () => undefined
  const decision = new Promise<boolean>((resolve) => (decide = resolve))
  const db = await new Promise<Session['db']>((opened, failed) => {
    const finished = adapter.drizzle
      .transaction(async (tx) => {
        opened(tx as unknown as Session['db'])
        if (!(await decision)) throw new RolledBack()
      })
      .catch((error: unknown) => {
        failed(error)
        throw error
      })
    // Awaited by resolve and reject; until then a failure is already reported through `failed`.
    finished.catch(() => undefined)
    adapter.sessions[id] = {
      db: undefined as unknown as Session['db'],
      resolve: async () => {
        decide(true)
        await finished
      },
      reject: async () => {
        decide(false)
        await finished.catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error
        })
      },
    }
  }).catch((error: unknown) => {
    delete adapter.sessions[id]
    scope.open = false
    throw error
  })
  adapter.sessions[id]!.db = db
  pendingOf(adapter).set(id, { scope, onRollback: [], afterCommit: [] })
  return id
}

async function idOf(incoming: string | number | Promise<string | number | null> | null | undefined) {
  const id = incoming instanceof Promise ? await incoming : incoming
  return id === null || id === undefined ? null : String(id)
}

async function runAll(callbacks: Callback[], adapter: SQLiteAdapter, what: string): Promise<void> {
  for (const callback of callbacks.reverse()) {
    try {
      await callback()
    } catch (error) {
      adapter.payload.logger.error({ err: error, msg: `Database: could not ${what}` })
    }
  }
}

/** The callbacks of a transaction that was a savepoint inside another now belong to that one. */
function handOver(adapter: SQLiteAdapter, done: Pending): boolean {
  const parent = done.scope.parent
  if (!parent?.open) return false
  for (const pending of pendingOf(adapter).values()) {
    if (pending.scope !== parent) continue
    pending.onRollback.push(...done.onRollback)
    pending.afterCommit.push(...done.afterCommit)
    return true
  }
  return false
}

/** Takes a transaction off the adapter's books: its session and what waits on its end. */
async function take(adapter: SQLiteAdapter, incoming: string | number | Promise<string | number | null>) {
  const id = await idOf(incoming)
  if (!id) return null
  const session = adapter.sessions[id]
  const pending = pendingOf(adapter).get(id)
  delete adapter.sessions[id]
  pendingOf(adapter).delete(id)
  return { session, pending }
}

export async function commitTransaction(
  this: SQLiteAdapter,
  incoming: string | number | Promise<string | number | null>,
): Promise<void> {
  const taken = await take(this, incoming)
  if (!taken?.session) return
  const { session, pending } = taken
  try {
    await session.resolve()
  } catch (error) {
    if (pending) await runAll(pending.onRollback, this, 'undo a change whose transaction failed')
    throw error
  }
  if (pending && !handOver(this, pending)) await runAll(pending.afterCommit, this, 'finish after a commit')
}

export async function rollbackTransaction(
  this: SQLiteAdapter,
  incoming: string | number | Promise<string | number | null>,
): Promise<void> {
  const taken = await take(this, incoming)
  if (!taken) return
  try {
    await taken.session?.reject()
  } finally {
    if (taken.pending) await runAll(taken.pending.onRollback, this, 'undo a change whose transaction was rolled back')
  }
}

/**
 * Runs `undo` if the request's transaction rolls back (or fails to commit), e.g. to delete the
 * files an upload wrote. Returns false when there is no transaction to follow (MongoDB, or a
 * request outside any), and the caller must clean up by itself.
 */
export async function onRollback(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, undo: Callback) {
  const id = await idOf(req.transactionID)
  const pending = id ? pendingOf(req.payload.db as unknown as SQLiteAdapter).get(id) : undefined
  pending?.onRollback.push(undo)
  return Boolean(pending)
}

/** Runs `then` once the request's transaction has committed; at once when there is none. */
export async function afterCommit(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, then: Callback) {
  const id = await idOf(req.transactionID)
  const pending = id ? pendingOf(req.payload.db as unknown as SQLiteAdapter).get(id) : undefined
  if (pending) pending.afterCommit.push(then)
  else await then()
}
