import { createClient, type Client } from '@libsql/client'
import fs from 'node:fs'

import { isSearchIndexTable } from '@/lib/sqlite/searchIndex'

import { BackupError } from './BackupError'

export type DatabaseSummary = {
  /** Rows per table, every table of the schema. */
  tables: Record<string, number>
  /** Migrations recorded in `payload_migrations`, oldest first ("dev" for a database built by push). */
  migrations: string[]
}

async function withDatabase<T>(file: string, query: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` })
  try {
    // The server may be writing: wait for a lock rather than fail at once.
    await client.execute('PRAGMA busy_timeout = 15000')
    return await query(client)
  } finally {
    client.close()
  }
}

/**
 * Copies the live database into `destination` through SQLite (`VACUUM INTO`): one read
 * transaction, so the copy is exactly the database at one moment, with every committed write
 * before it (in the WAL or not) and none after, while the server goes on writing.
 */
export async function snapshotDatabase(live: string, destination: string): Promise<void> {
  if (!fs.existsSync(live)) throw new BackupError(`There is no database at ${live}: nothing to back up.`)
  await withDatabase(live, (client) => client.execute({ sql: 'VACUUM INTO ?', args: [destination] }))
}

export async function summarizeDatabase(file: string): Promise<DatabaseSummary> {
  return withDatabase(file, async (client) => {
    const names = await tableNames(client)
    const tables: Record<string, number> = {}
    for (const name of names) {
      const { rows } = await client.execute(`SELECT count(*) AS n FROM ${quoteName(name)}`)
      tables[name] = Number(rows[0]?.n)
    }
    const migrations = names.includes('payload_migrations')
      ? (await client.execute('SELECT name FROM payload_migrations ORDER BY batch, name')).rows.map((row) =>
          String(row.name),
        )
      : []
    return { tables, migrations }
  })
}

/** SQLite's own check of every page and index; "ok" or what is wrong. */
export async function integrityCheck(file: string): Promise<string> {
  return withDatabase(file, async (client) => {
    const { rows } = await client.execute('PRAGMA integrity_check')
    return rows.map((row) => String(Object.values(row)[0])).join('; ')
  })
}

/**
 * Tables holding content, with their row counts: every table but SQLite's and Payload's own
 * bookkeeping (`payload_migrations`, the jobs queue, locks, preferences, the key-value store),
 * which a freshly started, empty instance already writes.
 */
export async function contentRows(file: string): Promise<Record<string, number>> {
  const { tables } = await summarizeDatabase(file)
  return Object.fromEntries(Object.entries(tables).filter(([name, rows]) => rows > 0 && !name.startsWith('payload_')))
}

async function tableNames(client: Client): Promise<string[]> {
  const { rows } = await client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  )
  return rows.map((row) => String(row.name)).filter((name) => !isSearchIndexTable(name))
}

export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
