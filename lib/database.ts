import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'

import { withSlugConflictsInWords } from '@/lib/slugs/conflictsInWords'
import { migrations } from '@/migrations'
import { mongoMigrations } from '@/migrations/mongodb'

import { databaseUri, isMongoUri } from './env'

/**
 * The embedded SQLite file is the default, so nobody needs a database server to try Voices.
 * A `mongodb://` or `mongodb+srv://` DATABASE_URI selects MongoDB, the production path that
 * scales out (replica sets, Atlas).
 *
 * SQLite schema changes: development pushes the schema directly; production runs the committed
 * migrations in `migrations/` on start (`prodMigrations`), so `next start` on a new file creates
 * its tables. MongoDB needs no schema migrations; its data migrations are in `migrations/mongodb`.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const uri = databaseUri()
  if (isMongoUri(uri)) {
    return withSlugConflictsInWords(mongooseAdapter({ url: uri, prodMigrations: mongoMigrations }))
  }
  ensureParentFolder(uri)
  return withSlugConflictsInWords(
    sqliteAdapter({
      client: { url: uri },
      // WAL lets the site read while an editor writes; the busy timeout queues writers
      // (e.g. the seed script beside a running server) instead of failing at once.
      wal: true,
      busyTimeout: 5000,
      // Random IDs, like MongoDB's: sequential numbers would reveal how many people are on file.
      idType: 'uuid',
      migrationDir: path.resolve(process.cwd(), 'migrations'),
      prodMigrations: migrations,
    }),
  )
}

function ensureParentFolder(uri: string): void {
  if (!uri.startsWith('file:')) return
  const file = uri.slice('file:'.length)
  if (file === ':memory:') return
  fs.mkdirSync(path.dirname(path.resolve(process.cwd(), file)), { recursive: true })
}
