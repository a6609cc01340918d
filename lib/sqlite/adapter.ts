import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { openSerializedClient, type SerializedClientOptions } from './client'
import { beginTransaction, commitTransaction, rollbackTransaction } from './transactions'

export type SerializedWritesOptions = Omit<SerializedClientOptions, 'warn'>

/**
 * Gives Payload's SQLite adapter the client of client.ts (reads beside writes, one writer at a
 * time, no waiting inside SQLite) and the transactions of transactions.ts. The adapter's own
 * `connect` then finds its client made and skips making one.
 */
export function withSerializedWrites(
  adapter: DatabaseAdapterObj<SQLiteAdapter>,
  options: SerializedWritesOptions,
): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect
      db.connect = async function (this: SQLiteAdapter, connectOptions) {
        if (!this.client) {
          this.client = await openSerializedClient(this.clientConfig, this.wal, {
            ...options,
            warn: (message) => this.payload.logger.warn(message),
          })
        }
        return connect?.call(this, connectOptions)
      }
      db.beginTransaction = beginTransaction as unknown as SQLiteAdapter['beginTransaction']
      db.commitTransaction = commitTransaction
      db.rollbackTransaction = rollbackTransaction
      return db
    },
  }
}
