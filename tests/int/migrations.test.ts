import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload, stopPayload } from '../helpers/payload'

/**
 * Production never pushes the schema: `npm start` builds and upgrades its database from the
 * committed migrations alone. So the newest migration's snapshot must describe exactly the schema
 * the collections (and lib/sqlite/indexes.ts) declare; a change without its migration would leave
 * every production database without it.
 */
let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

type DrizzleKit = {
  generateDrizzleJson(schema: unknown): Promise<{ version: string }>
  generateMigration(before: unknown, after: unknown): Promise<string[]>
}

describe.runIf(process.env.VOICES_TEST_DB !== 'mongodb')('the committed SQLite migrations', () => {
  it('build the schema the collections declare: creating a migration now would find nothing to do', async () => {
    const db = payload.db as unknown as { requireDrizzleKit(): DrizzleKit; schema: unknown; migrationDir: string }
    const snapshots = fs
      .readdirSync(db.migrationDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
    const newest = JSON.parse(fs.readFileSync(path.join(db.migrationDir, snapshots.at(-1)!), 'utf8'))
    const kit = db.requireDrizzleKit()
    const statements = await kit.generateMigration(newest, await kit.generateDrizzleJson(db.schema))
    expect(statements, 'run `npm run migrate:create -- describe-the-change` and commit it').toEqual([])
  })

  it('give every translation and list table an index that starts with its parent', async () => {
    const { rows } = await (
      payload.db as unknown as { client: { execute(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> } }
    ).client.execute(
      `select m.name as tbl, (select group_concat(i.name) from pragma_index_list(m.name) i
         where (select name from pragma_index_info(i.name) where seqno = 0) in ('_parent_id', 'parent_id')) as idx
       from sqlite_master m
       where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name in ('_parent_id', 'parent_id'))`,
    )
    expect(rows.length).toBeGreaterThan(20)
    expect(rows.filter((row) => !row.idx).map((row) => row.tbl)).toEqual([])
  })
})
