import type { Client } from '@libsql/client'

import { madeInDevelopment } from '@/lib/startup/databaseProblem'

/**
 * Whether Payload's development mode made this database's tables. `npm run dev` pushes the schema
 * straight into the database and records that as a migration of batch -1; a production process
 * runs the committed migrations instead, and on such a database Payload asks on the terminal
 * whether to go on, warning that data would be lost, and exits 0 on "no". A server has nobody at
 * its terminal, so it would wait for an answer forever or stop without a word. Voices refuses
 * first, in words (DevelopmentDatabase).
 */
export async function pushedInDevelopment(client: Pick<Client, 'execute'>): Promise<boolean> {
  const table = await client.execute(
    "select 1 from sqlite_master where type = 'table' and name = 'payload_migrations' limit 1",
  )
  if (table.rows.length === 0) return false
  const pushed = await client.execute('select 1 from payload_migrations where batch = -1 limit 1')
  return pushed.rows.length > 0
}

/** A production process was pointed at a database `npm run dev` made. */
export class DevelopmentDatabase extends Error {
  readonly code = 'VOICES_DEVELOPMENT_DATABASE'
  constructor() {
    super(madeInDevelopment())
  }
}
