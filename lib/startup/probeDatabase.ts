import fs from 'node:fs'
import path from 'node:path'

import { databaseUri, isMongoUri } from '@/lib/env'
import { DevelopmentDatabase, pushedInDevelopment } from '@/lib/sqlite/developmentSchema'

import { databaseProblem, databaseSetting, withoutSecrets } from './databaseProblem'

/**
 * Opens the SQLite database the way the server will, before it answers anyone, and says in one
 * line what is wrong and which setting to change (lib/startup/databaseProblem.ts): a folder that
 * is not there (production never makes one: a data folder that is not mounted must not become an
 * empty site), a file that cannot be read or written, one another process holds locked, an
 * address Voices cannot use, and, in production, one `npm run dev` made. MongoDB is checked as
 * Payload connects. Null when all is well.
 */
export async function probeDatabase(): Promise<string | null> {
  const uri = databaseUri()
  const { setting } = databaseSetting()
  if (isMongoUri(uri)) return null
  if (!uri.startsWith('file:')) {
    return `${setting} is not a database address Voices can use (${withoutSecrets(uri)}): give a file: URL for SQLite or a mongodb:// one.`
  }
  const file = path.resolve(uri.slice('file:'.length).split('?')[0]!)
  const folder = path.dirname(file)
  if (!fs.existsSync(folder)) {
    if (process.env.NODE_ENV === 'production') {
      return `the database folder ${folder} does not exist (${setting}). Create it, or set ${setting} to the folder that holds the data.`
    }
    fs.mkdirSync(folder, { recursive: true })
  }
  // A file Voices may not write is read-only to it, however SQLite would word opening it.
  if (fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK)
    } catch {
      return databaseProblem({ code: 'SQLITE_READONLY' })
    }
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
    if (process.env.NODE_ENV === 'production' && (await pushedInDevelopment(client))) {
      return databaseProblem(new DevelopmentDatabase())
    }
    return null
  } catch (error) {
    return (
      databaseProblem(error) ??
      `the database ${file} (${setting}) cannot be used: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`
    )
  } finally {
    client.close()
  }
}
