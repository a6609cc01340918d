import fs from 'node:fs'
import path from 'node:path'

import { databaseUri, isMongoUri } from '@/lib/env'

/** Which setting an operator changes to point Voices at another database. */
const setting = () => (process.env.DATABASE_URI?.trim() ? 'DATABASE_URI' : 'VOICES_DATA_DIR')

/**
 * Opens the SQLite database the way the server will, before it answers anyone, and says in one
 * line what is wrong and which setting to change: a folder that cannot be made, a file that
 * cannot be read or written, one another process holds locked. MongoDB is checked as Payload
 * connects instead. Returns null when the database can be used.
 */
export async function probeDatabase(): Promise<string | null> {
  const uri = databaseUri()
  if (isMongoUri(uri) || !uri.startsWith('file:')) return null
  const file = path.resolve(uri.slice('file:'.length))
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
  } catch (error) {
    return `${setting()}: the folder ${path.dirname(file)} cannot be created (${(error as NodeJS.ErrnoException).code}).`
  }
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('select count(*) from sqlite_master')
    // A write lock taken and given back: refused at once on a read-only file, after the busy
    // timeout on one another process keeps locked.
    await client.execute('BEGIN IMMEDIATE')
    await client.execute('ROLLBACK')
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const why = /readonly|read-only|permission|EACCES|unable to open/i.test(message)
      ? 'cannot be opened for writing'
      : /locked|busy/i.test(message)
        ? 'is locked by another process'
        : /not a database|malformed|corrupt/i.test(message)
          ? 'is not a readable SQLite database'
          : 'cannot be used'
    return `${setting()}: the database ${file} ${why} (${message.split('\n')[0]}).`
  } finally {
    client.close()
  }
}
