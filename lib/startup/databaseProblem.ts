import path from 'node:path'

import { databaseUri, dataDir, isMongoUri } from '@/lib/env'

/** Which setting chose the database, and the database as an operator may see it (no secrets). */
export function databaseSetting(): { setting: 'DATABASE_URI' | 'VOICES_DATA_DIR'; shown: string } {
  const configured = process.env.DATABASE_URI?.trim()
  if (!configured) return { setting: 'VOICES_DATA_DIR', shown: path.join(dataDir(), 'voices.db') }
  return { setting: 'DATABASE_URI', shown: withoutSecrets(configured) }
}

/** A database address with any password and token taken out. */
export function withoutSecrets(uri: string): string {
  if (uri.startsWith('file:')) return uri.slice('file:'.length).split('?')[0]!
  try {
    const url = new URL(uri)
    if (url.password) url.password = '***'
    for (const key of [...url.searchParams.keys()]) {
      if (/token|password|secret|key/i.test(key)) url.searchParams.set(key, '***')
    }
    return url.toString()
  } catch {
    return '(not a URL)'
  }
}

/** What to do about a database `npm run dev` made, when a production process is given it. */
export function madeInDevelopment(): string {
  const { setting, shown } = databaseSetting()
  return `the database ${shown} (${setting}) was made by \`npm run dev\`, which changes its tables directly; production runs migrations instead and cannot take it over without losing data. Serve it with \`npm run dev\`, or give production a data folder of its own in ${setting} (\`NODE_ENV=production npm run seed\` fills a new, empty one with the demo content).`
}

type Failure = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; rawCode?: unknown }

/** The error and its causes, outermost first. */
function chain(error: unknown): Failure[] {
  const found: Failure[] = []
  for (let at = error; at && typeof at === 'object' && found.length < 5; at = (at as Failure).cause) {
    found.push(at as Failure)
  }
  return found
}

const text = (failure: Failure) => (typeof failure.message === 'string' ? failure.message : '')

/**
 * Says in one line what is wrong with the database and which setting to look at, for the
 * problems an operator meets at start: a missing folder, a file that cannot be opened, is
 * read-only, locked by another process or not a database, an address Voices cannot use or a
 * server it cannot reach. Null for anything else. The address is shown without its secrets,
 * and so is any message that would repeat it.
 */
export function databaseProblem(error: unknown): string | null {
  const { setting, shown } = databaseSetting()
  const the = `the database ${shown} (${setting})`
  const failures = chain(error)
  const has = (test: (failure: Failure) => boolean) => failures.some(test)
  const coded = (...codes: string[]) => has((f) => typeof f.code === 'string' && codes.some((c) => f.code === c))
  const says = (pattern: RegExp) => has((f) => pattern.test(text(f)))

  if (coded('VOICES_NO_DATABASE_FOLDER')) {
    const folder = String((failures.find((f) => f.code === 'VOICES_NO_DATABASE_FOLDER') as { folder?: string }).folder)
    return `the database folder ${folder} does not exist (${setting}). Create it, or set ${setting} to the folder that holds the data.`
  }
  if (coded('VOICES_DEVELOPMENT_DATABASE')) return madeInDevelopment()
  if (coded('URL_SCHEME_NOT_SUPPORTED', 'URL_INVALID') || says(/\bURL_(SCHEME_NOT_SUPPORTED|INVALID)\b/)) {
    return `${setting} is not a database address Voices can use (${shown}): give a file: URL for SQLite or a mongodb:// one.`
  }
  if (coded('SQLITE_READONLY') || says(/readonly database|read-only file system/i)) {
    return `${the} is read-only. Voices must be able to write the file and its folder (SQLite keeps -wal and -shm files beside it).`
  }
  if (coded('SQLITE_BUSY') || says(/database is locked/i)) {
    return `${the} is locked by another process. Stop whatever holds it (another server on the same data, a restore, a tool with it open) and start again.`
  }
  if (coded('SQLITE_NOTADB') || says(/file is not a database/i)) {
    return `${the} is not a SQLite database, or is encrypted or damaged. Restore it from a backup (npm run restore).`
  }
  if (coded('SQLITE_CORRUPT') || says(/malformed/i)) {
    return `${the} is damaged. Restore it from a backup (npm run restore).`
  }
  if (coded('SQLITE_CANTOPEN') || says(/unable to open (connection to local )?database/i)) {
    return `${the} cannot be opened: check that its folder exists and that Voices may read and write there.`
  }
  if (isMongoUri(databaseUri()) && has((f) => typeof f.name === 'string' && f.name.startsWith('Mongo'))) {
    return `${the} cannot be reached: ${redacted(text(failures.find((f) => String(f.name).startsWith('Mongo'))!))}`
  }
  return null
}

/** A message with the configured address, if it repeats it, replaced by its shown form. */
export function redacted(message: string): string {
  const configured = process.env.DATABASE_URI?.trim()
  if (!configured) return message
  return message.split(configured).join(withoutSecrets(configured))
}
