import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

import type { StatsDelta } from './buffer'

export const storyStatsSlug = 'story-stats'

/**
 * Adds views and clicks to one story's row for a language and day, creating the row if it is
 * the first count. Payload's API reads and then writes, so two servers (or two flushes) adding
 * at once could both read 4 and both write 5; each database adds in one statement instead, and
 * the unique index on story, locale and day makes sure there is only ever one row to add to.
 */
export async function incrementStoryStats(payload: Payload, delta: StatsDelta): Promise<void> {
  if (delta.views === 0 && delta.clicks === 0) return
  if (payload.db.name === 'sqlite') return incrementSqlite(payload.db as unknown as SQLiteAdapter, delta)
  if (payload.db.name === 'mongoose') return incrementMongo(payload.db as unknown as MongooseAdapter, delta)
  throw new Error(`Story statistics cannot be counted on the ${payload.db.name} adapter.`)
}

/** SQLite: INSERT … ON CONFLICT (story, locale, day) DO UPDATE SET views = views + n. */
async function incrementSqlite(db: SQLiteAdapter, { story, locale, day, views, clicks }: StatsDelta) {
  const table = db.tables[db.tableNameMap.get('story_stats') ?? 'story_stats']
  if (!table) throw new Error('The story_stats table is missing: run the migrations.')
  await db.drizzle
    .insert(table)
    .values({ story, locale, day, views, clicks })
    .onConflictDoUpdate({
      target: [table.story, table.locale, table.day],
      set: { views: sql`${table.views} + ${views}`, clicks: sql`${table.clicks} + ${clicks}` },
    })
}

/** MongoDB: one upsert with $inc on the unique (story, locale, day) document. */
async function incrementMongo(db: MongooseAdapter, { story, locale, day, views, clicks }: StatsDelta) {
  const model = db.collections[storyStatsSlug]
  if (!model) throw new Error('The story-stats collection is missing.')
  const upsert = () => model.updateOne({ story, locale, day }, { $inc: { views, clicks } }, { upsert: true }).exec()
  try {
    await upsert()
  } catch (error) {
    // Two first counts of the same row can both try to insert it; the unique index refuses the
    // second (E11000), which then finds the row and adds to it.
    if ((error as { code?: number }).code !== 11000) throw error
    await upsert()
  }
}
