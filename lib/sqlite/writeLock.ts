import type { WriteScope } from './scope'

import { busyError } from './busy'

type Waiter = { scope: WriteScope; grant: () => void }

/**
 * The one right to write, handed out in order of asking. A waiter that is not served by its
 * deadline is refused with SQLITE_BUSY (the API answers 503, see lib/errors), so a transaction
 * that never ends cannot hold every writer for ever.
 */
export class WriteLock {
  private owner: WriteScope | null = null
  private readonly waiters: Waiter[] = []

  get holder(): WriteScope | null {
    return this.owner
  }

  get queued(): number {
    return this.waiters.length
  }

  acquire(scope: WriteScope, deadline: number): Promise<void> {
    if (!this.owner) {
      this.owner = scope
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        scope,
        grant: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      const timer = setTimeout(
        () => {
          const at = this.waiters.indexOf(waiter)
          if (at === -1) return
          this.waiters.splice(at, 1)
          reject(busyError('the database is busy: another change did not finish in time'))
        },
        Math.max(0, deadline - Date.now()),
      )
      this.waiters.push(waiter)
    })
  }

  release(scope: WriteScope): void {
    if (this.owner !== scope) return
    const next = this.waiters.shift()
    this.owner = next?.scope ?? null
    next?.grant()
  }
}
