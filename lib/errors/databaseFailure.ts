/** How a database failed, as an API client needs to know it. */
export type DatabaseFailure = 'busy' | 'unavailable' | 'full'

type Failure = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown }

const unavailableCodes = /^SQLITE_(IOERR|CANTOPEN|READONLY|NOTADB|CORRUPT|PROTOCOL|AUTH)/
const unavailableNames = /^Mongo(Network|ServerSelection|NotConnected|TopologyClosed|PoolCleared)|^PoolClearedError/

/**
 * Whether an error (or one it was caused by: drizzle and Payload wrap the driver's) says the
 * database could not do its part, rather than that the request was wrong:
 * - `busy`: other writes held it longer than a write may wait (lib/sqlite/writeLock.ts), or
 *   another process did;
 * - `full`: the disk is full;
 * - `unavailable`: the file cannot be opened, read or written (gone, read-only, damaged, an I/O
 *   error), or MongoDB cannot be reached.
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  let found: DatabaseFailure | null = null
  let at: unknown = error
  for (let depth = 0; at && typeof at === 'object' && depth < 6; depth += 1) {
    const { code, name, message, cause } = at as Failure
    const text = typeof message === 'string' ? message : ''
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full'
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) found ??= 'busy'
    else if (typeof code === 'string' && unavailableCodes.test(code)) found ??= 'unavailable'
    else if (typeof name === 'string' && unavailableNames.test(name)) found ??= 'unavailable'
    else if (/^ConnectionFailed\(|Unable to open connection to local database/.test(text)) found ??= 'unavailable'
    at = cause
  }
  return found
}
