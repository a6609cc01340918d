import type { Client } from '@libsql/client'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

/**
 * The full-text index public search reads on SQLite (lib/search/matchingStories.ts).
 *
 * Search matches the folded text of every story in one language (`stories_locales.search_index`,
 * lib/search/fold.ts). A `LIKE '%word%'` over that column reads every row, bodies included: at
 * 10,000 stories each search held the server for about 100 ms, and a few at once queued for
 * seconds (BENCHMARKS.md, "Scale"). An FTS5 table with the trigram tokenizer indexes every
 * three-letter run of that text, so a search for any part of a word is answered from the index,
 * with the same substring matching as before.
 *
 * The table holds no copy of the text (`content=` points at `stories_locales`); triggers keep it
 * in step with every insert, update and delete there, whichever path wrote it.
 *
 * It is not part of the schema Payload declares: drizzle has no virtual tables. So it is made
 * here once the database is connected (after the production migrations), and built from the
 * stories whenever its triggers are missing: on a new database, and after anything that rebuilt
 * `stories_locales` (a table rebuilt by a schema change loses its triggers). Development's schema
 * push would offer to drop a table Payload does not know, so it is removed just before a push
 * and made again after.
 */
export const SEARCH_TABLE = 'story_search'

const CONTENT_TABLE = 'stories_locales'
const COLUMN = 'search_index'

const triggers = {
  [`${SEARCH_TABLE}_after_insert`]: `AFTER INSERT ON ${CONTENT_TABLE} BEGIN
    INSERT INTO ${SEARCH_TABLE}(rowid, ${COLUMN}) VALUES (new.id, new.${COLUMN});
  END`,
  [`${SEARCH_TABLE}_after_delete`]: `AFTER DELETE ON ${CONTENT_TABLE} BEGIN
    INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}, rowid, ${COLUMN}) VALUES ('delete', old.id, old.${COLUMN});
  END`,
  // Every column that decides an indexed row: an external-content index must be told exactly
  // what it held before, or it keeps entries for text that is gone.
  [`${SEARCH_TABLE}_after_update`]: `AFTER UPDATE OF id, ${COLUMN} ON ${CONTENT_TABLE} BEGIN
    INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}, rowid, ${COLUMN}) VALUES ('delete', old.id, old.${COLUMN});
    INSERT INTO ${SEARCH_TABLE}(rowid, ${COLUMN}) VALUES (new.id, new.${COLUMN});
  END`,
}

const dropStatements = [
  ...Object.keys(triggers).map((name) => `DROP TRIGGER IF EXISTS ${name}`),
  `DROP TABLE IF EXISTS ${SEARCH_TABLE}`,
]

/** What `prepareSearchIndex` found and did. */
export type SearchIndexState = 'ready' | 'built' | 'no stories table'

/**
 * Makes the index and its triggers if any is missing, and then fills it from the stories, all in
 * one transaction. On a database that has them, this is one read.
 */
export async function prepareSearchIndex(client: Client): Promise<SearchIndexState> {
  const names = [CONTENT_TABLE, SEARCH_TABLE, ...Object.keys(triggers)]
  const found = await client.execute({
    sql: `SELECT name FROM sqlite_master WHERE name IN (${names.map(() => '?').join(', ')})`,
    args: names,
  })
  const present = new Set(found.rows.map((row) => String(row.name)))
  if (!present.has(CONTENT_TABLE)) return 'no stories table'
  if (names.every((name) => present.has(name))) return 'ready'
  await client.batch(
    [
      ...dropStatements,
      `CREATE VIRTUAL TABLE ${SEARCH_TABLE} USING fts5(${COLUMN}, content='${CONTENT_TABLE}', content_rowid='id', tokenize='trigram')`,
      ...Object.entries(triggers).map(([name, body]) => `CREATE TRIGGER ${name} ${body}`),
      `INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}) VALUES ('rebuild')`,
    ],
    'write',
  )
  return 'built'
}

/** Removes the index and its triggers (before a schema push, or dropping the database). */
async function removeSearchIndex(client: Client): Promise<void> {
  for (const statement of dropStatements) await client.execute(statement)
}

/**
 * The index and the tables SQLite keeps it in (`story_search_data`, …): derived from the stories,
 * so not content of their own to count, compare or empty (lib/backup).
 */
export function isSearchIndexTable(name: string): boolean {
  return name === SEARCH_TABLE || name.startsWith(`${SEARCH_TABLE}_`)
}

/**
 * Payload's SQLite adapter with the search index: made after every connect, removed before
 * development's schema push and before the adapter drops the database (`migrate:fresh`).
 */
export function withSearchIndex(adapter: DatabaseAdapterObj<SQLiteAdapter>): DatabaseAdapterObj<SQLiteAdapter> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const { connect, dropDatabase, requireDrizzleKit } = db
      db.requireDrizzleKit = () => {
        const kit = requireDrizzleKit()
        return {
          ...kit,
          pushSchema: async (...pushArgs) => {
            await removeSearchIndex(db.client)
            return kit.pushSchema(...pushArgs)
          },
        }
      }
      db.dropDatabase = async (dropArgs) => {
        await removeSearchIndex(db.client)
        return dropDatabase(dropArgs)
      }
      db.connect = async function (this: SQLiteAdapter, options) {
        await connect?.call(this, options)
        const state = await prepareSearchIndex(this.client)
        if (state === 'built') this.payload.logger.info('Search: the full-text index of stories was built')
      }
      return db
    },
  }
}

/** Trigrams index runs of three characters; a shorter word is matched by reading the text. */
const indexable = (word: string) => [...word].length >= 3

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * The published stories whose text in `locale` holds every one of `words` (folded already),
 * newest first, `limit` of them after skipping `offset` (a page of results): the same matches as
 * Payload's `like`, from the index.
 *
 * The index is asked first, on its own (`MATERIALIZED`): left to choose, SQLite walked the
 * stories in date order and asked the index about each one, 0.6 s for a word no story had.
 */
export async function publishedStoriesMatching(
  client: Client,
  words: string[],
  locale: string,
  { limit, offset = 0 }: { limit: number; offset?: number },
): Promise<string[]> {
  const long = words.filter(indexable)
  const short = words.filter((word) => !indexable(word))
  if (!long.length && !short.length) return []
  const args: Array<string | number> = []
  let sql = ''
  if (long.length) {
    sql += `WITH hits AS MATERIALIZED (SELECT rowid AS id FROM ${SEARCH_TABLE} WHERE ${SEARCH_TABLE} MATCH ?) `
    // Each word as a quoted phrase: its trigrams in order, that is the word as a substring.
    args.push(long.map((word) => `"${word.replace(/"/g, '""')}"`).join(' '))
  }
  // Stories newest first, each looked up among the matches, stopping once the page is full: SQLite's own
  // choice, sorting every match by date, took 30 to 50 ms for a word in most of 10,000 stories;
  // this order takes 3 ms for such a word and 10 ms for one no story has. CROSS JOIN fixes it.
  sql += `SELECT s.id FROM stories s CROSS JOIN ${CONTENT_TABLE} l${long.length ? ' CROSS JOIN hits h' : ''}
    WHERE l._parent_id = s.id AND l._locale = ? AND s._status = 'published'${long.length ? ' AND h.id = l.id' : ''}`
  args.push(locale)
  for (const word of short) {
    sql += ` AND l.${COLUMN} LIKE ? ESCAPE '\\'`
    args.push(likePattern(word))
  }
  sql += ' ORDER BY s.published_at DESC, s.created_at DESC LIMIT ? OFFSET ?'
  args.push(limit, offset)
  const result = await client.execute({ sql, args })
  return result.rows.map((row) => String(row.id))
}
