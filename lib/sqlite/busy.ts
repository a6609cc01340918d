import { LibsqlError } from '@libsql/client'

/** SQLite's "the database is locked": another connection holds the lock this statement needs. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

export function busyError(message: string): LibsqlError {
  return new LibsqlError(message, 'SQLITE_BUSY', 5)
}
