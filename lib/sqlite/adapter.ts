import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { openSerializedClient, type SerializedClient, type SerializedClientOptions } from './client'
import { DevelopmentDatabase, pushedInDevelopment } from './developmentSchema'
import { beginTransaction, commitTransaction, rollbackTransaction } from './transactions'

export type SerializedWritesOptions = Omit<SerializedClientOptions, 'warn'> & {
  /** Create the database's folder when it is missing (development); otherwise refuse to start. */
  createFolder: boolean
}

/** The database's folder does not exist, and Voices was told not to create it. */
export class MissingDatabaseFolder extends Error {
  readonly code = 'VOICES_NO_DATABASE_FOLDER'
  constructor(readonly folder: string) {
    super(`the database folder ${folder} does not exist`)
  }
}

/**
 * A development server creates its data folder on the first run. A production server does not:
 * a missing folder means a volume that was not mounted or a mistyped setting, and creating it
 * would start an empty site over the real one, which reappears on the next restart.
 */
function prepareFolder(url: string, create: boolean): void {
  const file = url.slice('file:'.length).split('?')[0]!
  const folder = path.dirname(path.resolve(process.cwd(), file))
  if (fs.existsSync(folder)) return
  if (!create) throw new MissingDatabaseFolder(folder)
  fs.mkdirSync(folder, { recursive: true })
}

/**
 * Gives Payload's SQLite adapter the client of client.ts (reads beside writes, one writer at a
 * time, no waiting inside SQLite) and the transactions of transactions.ts. The adapter's own
 * `connect` then finds its client made and skips making one.
 */
export function withSerializedWrites(
  adapter: DatabaseAdapterObj<SQLiteAdapter>,
  { createFolder, ...options }: SerializedWritesOptions,
): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect
      db.connect = async function (this: SQLiteAdapter, connectOptions) {
        if (!this.client) {
          prepareFolder(this.clientConfig.url, createFolder)
          this.client = await openSerializedClient(this.clientConfig, this.wal, {
            ...options,
            warn: (message) => this.payload.logger.warn(message),
          })
        }
        // Payload runs the committed migrations in production only, and would stop to ask first.
        if (process.env.NODE_ENV === 'production' && (await pushedInDevelopment(this.client))) {
          throw new DevelopmentDatabase()
        }
        await connect?.call(this, connectOptions)
        // After the migrations `connect` ran, so new indexes get statistics too.
        await (this.client as SerializedClient).refreshStatistics().catch((error: unknown) => {
          // Only plans get worse without them: serve, and try again on the next start.
          this.payload.logger.warn({ msg: 'Database: statistics not refreshed', err: error })
        })
      }
      db.beginTransaction = beginTransaction as unknown as SQLiteAdapter['beginTransaction']
      db.commitTransaction = commitTransaction
      db.rollbackTransaction = rollbackTransaction
      return db
    },
  }
}
