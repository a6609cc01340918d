import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import { withSlugConflictsInWords } from '@/lib/slugs/conflictsInWords'
import { withSerializedWrites } from '@/lib/sqlite/adapter'
import { addMissingIndexes } from '@/lib/sqlite/indexes'
import { withSearchIndex } from '@/lib/sqlite/searchIndex'
import { migrations } from '@/migrations'
import { mongoMigrations } from '@/migrations/mongodb'

import { databaseUri, isMongoUri } from './env'

/**
 * The embedded SQLite file is the default, so nobody needs a database server to try Voices.
 * A `mongodb://` or `mongodb+srv://` DATABASE_URI selects MongoDB, the production path that
 * scales out (replica sets, Atlas).
 *
 * SQLite schema changes: development pushes the schema directly; production runs the committed
 * migrations in `migrations/` on start (`prodMigrations`), so `npm start` on a new file creates
 * its tables. MongoDB needs no schema migrations; its data migrations are in `migrations/mongodb`.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  const uri = databaseUri()
  if (isMongoUri(uri)) {
    return withSlugConflictsInWords(mongooseAdapter({ url: uri, prodMigrations: mongoMigrations }))
  }
  if (process.env.VOICES_SQLITE_TRANSACTIONS === 'off') return withSlugConflictsInWords(unserialized(uri))
  const adapter = withSearchIndex(
    sqliteAdapter({
      client: { url: uri },
      // WAL lets the site read while an editor writes.
      wal: true,
      // Every operation that writes runs in a transaction: a consent withdrawal and the stories
      // it takes down, a story and its version, an upload and its record are saved whole or not
      // at all. (Without this option the adapter runs without transactions.) The behaviour is
      // always BEGIN IMMEDIATE: lib/sqlite/client.ts begins them.
      transactionOptions: {},
      // Random IDs, like MongoDB's: sequential numbers would reveal how many people are on file.
      idType: 'uuid',
      afterSchemaInit: [addMissingIndexes],
      migrationDir: path.resolve(process.cwd(), 'migrations'),
      prodMigrations: migrations,
    }),
  )
  if (!isLocalFile(uri)) return withSlugConflictsInWords(adapter)
  return withSlugConflictsInWords(
    withSerializedWrites(adapter, {
      // A write waits this long for the writes queued before it (a withdrawal taking down many
      // stories is the longest), and any statement this long for another process (the seed,
      // a jobs worker) to let go of the file; then the API answers 503 (lib/errors).
      writeWaitMs: 15_000,
      busyWaitMs: 5_000,
      idleTransactionMs: 60_000,
      createFolder: process.env.NODE_ENV !== 'production',
    }),
  )
}

/**
 * Payload's SQLite adapter as it comes: no transactions (each statement commits by itself) and
 * SQLite's own busy timeout. Only for measuring what transactions cost (bench/contention.mjs,
 * `VOICES_SQLITE_TRANSACTIONS=off`): a withdrawal can then be half-done.
 */
function unserialized(uri: string): DatabaseAdapterObj {
  return withSearchIndex(
    sqliteAdapter({
      client: { url: uri },
      wal: true,
      busyTimeout: 5000,
      idType: 'uuid',
      afterSchemaInit: [addMissingIndexes],
      migrationDir: path.resolve(process.cwd(), 'migrations'),
      prodMigrations: migrations,
    }),
  )
}

/** A file on this machine, which several connections can share (an in-memory database cannot). */
function isLocalFile(uri: string): boolean {
  return uri.startsWith('file:') && !uri.includes(':memory:')
}
