import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Which transaction a piece of work belongs to. SQLite lets one connection write at a time, and
 * Voices gives all writes one connection (see client.ts), so a write that arrives while a
 * transaction is open must wait for it, unless it is part of it: a hook that writes without
 * passing `req` (Payload queues a password-reset mail that way, from inside its transaction)
 * would otherwise wait for the very transaction that is waiting for it.
 *
 * A transaction's scope is entered into the async context of the operation that begins it, so
 * everything that operation goes on to call (hooks, nested local API calls) runs inside it.
 */
export type WriteScope = {
  /** The nearest enclosing scope that was still open when this one began. */
  readonly parent: WriteScope | undefined
  open: boolean
}

const current = new AsyncLocalStorage<WriteScope>()

function nearestOpen(scope: WriteScope | undefined): WriteScope | undefined {
  let at = scope
  while (at && !at.open) at = at.parent
  return at
}

/**
 * Opens a scope for a transaction being begun, in the caller's async context. Must run
 * synchronously from the call that begins the transaction: `enterWith` then reaches the rest of
 * the operation that called it, which is exactly the work the transaction covers. Closed scopes
 * are skipped as parents, so long-lived contexts (the job runner) do not collect a chain of them.
 */
export function enterWriteScope(): WriteScope {
  const scope: WriteScope = { parent: nearestOpen(current.getStore()), open: true }
  current.enterWith(scope)
  return scope
}

export function currentWriteScope(): WriteScope | undefined {
  return current.getStore()
}

/** Whether `scope` is `ancestor` or runs inside it. */
export function isWithin(scope: WriteScope | undefined, ancestor: WriteScope): boolean {
  for (let at = scope; at; at = at.parent) if (at === ancestor) return ancestor.open
  return false
}
