import { createClient } from '@libsql/client'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Every row of every table of the e2e server's SQLite database, and the names of its stored
 * files, so a spec can prove that what it sent changed nothing. The file is opened with
 * `query_only` on: this connection cannot write, whatever it is asked.
 */
export type Snapshot = { tables: Map<string, string[]>; files: string[] }

export async function takeSnapshot(dataDir: string): Promise<Snapshot> {
  const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
  try {
    await db.execute('PRAGMA query_only = ON')
    const names = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    const tables = new Map<string, string[]>()
    for (const { name } of names.rows) {
      const rows = await db.execute(`SELECT * FROM "${String(name).replaceAll('"', '""')}"`)
      tables.set(String(name), rows.rows.map((row) => JSON.stringify(row)).sort())
    }
    return { tables, files: storedFiles(dataDir) }
  } finally {
    db.close()
  }
}

/** A snapshot as text, to be read back by another worker of the same run. */
export function writeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify({ tables: Object.fromEntries(snapshot.tables), files: snapshot.files })
}

export function readSnapshot(text: string): Snapshot {
  const { tables, files } = JSON.parse(text) as { tables: Record<string, string[]>; files: string[] }
  return { tables: new Map(Object.entries(tables)), files }
}

function storedFiles(dataDir: string): string[] {
  const files: string[] = []
  for (const folder of ['media', 'consent-evidence']) {
    const dir = path.join(dataDir, folder)
    if (fs.existsSync(dir)) files.push(...fs.readdirSync(dir, { recursive: true }).map((f) => `${folder}/${f}`))
  }
  return files.sort()
}

/**
 * Tables that change while nobody writes anything, each with why. Every other table must match
 * row for row.
 *
 * - `ignore`: compared not at all.
 * - `appendOnly`: rows already there must stay exactly as they were; new rows are allowed only
 *   when `allowed` says so.
 */
export type TableRule = { why: string } & (
  { kind: 'ignore' } | { kind: 'appendOnly'; allowed: (row: string) => boolean }
)

/** What the e2e server changes by itself, or because the suite signs in and reads. */
export const changesWithoutWrites: Record<string, TableRule> = {
  // Each sign-in adds a session (the suite signs in as the admin and as a contributor) and
  // clears the signed-in account's expired ones.
  users_sessions: { kind: 'ignore', why: 'sessions of the sign-ins the suite makes' },
  // The e2e server runs due jobs every five seconds (VOICES_JOBS_CRON): it queues, runs and then
  // deletes the scheduled clean-up of blank drafts and the consent check on its own clock, and
  // the jobs-stats global records when each was last scheduled.
  payload_jobs: { kind: 'ignore', why: 'the jobs queue, run on a timer' },
  payload_jobs_log: { kind: 'ignore', why: 'log lines of those jobs' },
  payload_jobs_stats: { kind: 'ignore', why: 'when each scheduled job last ran' },
  // Reading private data (an admin's hostile `where` on participants or leaders) is audited.
  // Reads only ever add entries: a changed or removed entry, or one for anything but a read,
  // is a write.
  audit_log: {
    kind: 'appendOnly',
    allowed: (row) => (JSON.parse(row) as { action?: string }).action === 'read',
    why: 'reads of private data are recorded',
  },
  audit_log_texts: { kind: 'appendOnly', allowed: () => true, why: 'the documents and fields a recorded read names' },
}

const short = (row: string) => (row.length > 300 ? `${row.slice(0, 300)}…` : row)

/** Every difference between two snapshots that the rules do not allow, one line each. */
export function differences(before: Snapshot, after: Snapshot, rules: Record<string, TableRule>): string[] {
  const found: string[] = []
  for (const table of new Set([...before.tables.keys(), ...after.tables.keys()])) {
    const rule = rules[table]
    if (rule?.kind === 'ignore') continue
    const old = new Set(before.tables.get(table) ?? [])
    const now = new Set(after.tables.get(table) ?? [])
    if (!before.tables.has(table)) found.push(`${table}: new table`)
    if (!after.tables.has(table)) found.push(`${table}: table gone`)
    for (const row of old) if (!now.has(row)) found.push(`${table}: changed or removed ${short(row)}`)
    for (const row of now) {
      if (old.has(row) || (rule?.kind === 'appendOnly' && rule.allowed(row))) continue
      found.push(`${table}: added ${short(row)}`)
    }
  }
  const oldFiles = new Set(before.files)
  const newFiles = new Set(after.files)
  for (const file of before.files) if (!newFiles.has(file)) found.push(`file removed: ${file}`)
  for (const file of after.files) if (!oldFiles.has(file)) found.push(`file added: ${file}`)
  return found
}
