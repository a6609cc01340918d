import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'

import { getTableConfig, index, type SQLiteColumn } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Indexes Payload's generated SQLite schema lacks, found by reading 10,000 stories
 * (BENCHMARKS.md, "Scale").
 *
 * Payload reads a document's translations and `hasMany` text lists with one correlated subquery
 * per document (`… FROM stories_locales WHERE _parent_id = stories.id`). Its schema indexes those
 * tables by `(_locale, _parent_id)` and `(order, parent_id)`, never by the parent first, so each
 * subquery scanned the whole table, bodies included: a story page took 23 s at 10,000 stories.
 * Every table with a parent column gets an index on it here, unless one already starts with it.
 *
 * Lists of stories are read as "published, newest first" (the site) and "latest versions, newest
 * first" (the admin); an index in that order lets SQLite stop after the page it shows instead of
 * sorting every story.
 */
const parentColumns = ['_parent_id', 'parent_id']

const listOrders: Record<string, string[]> = {
  stories: ['_status', 'published_at', 'created_at'],
  _stories_v: ['latest', 'version_published_at', 'created_at'],
}

type Table = Parameters<Parameters<SQLiteSchemaHook>[0]['extendTable']>[0]['table']

function columnsByName(table: Table): Map<string, SQLiteColumn> {
  return new Map(getTableConfig(table as never).columns.map((column) => [column.name, column]))
}

function startsAnIndex(table: Table, column: string): boolean {
  return getTableConfig(table as never).indexes.some((existing) => {
    const [first] = existing.config.columns as Array<{ name?: string }>
    return first?.name === column
  })
}

/** The extra indexes, by table name and index name, each as its columns. */
export function extraIndexes(tables: Record<string, Table>): Array<{ table: string; name: string; columns: string[] }> {
  const wanted: Array<{ table: string; name: string; columns: string[] }> = []
  for (const [name, table] of Object.entries(tables)) {
    const columns = columnsByName(table)
    const parent = parentColumns.find((column) => columns.has(column))
    if (parent && !startsAnIndex(table, parent))
      wanted.push({ table: name, name: `${name}_parent_first_idx`, columns: [parent] })
    const order = listOrders[name]
    if (order && order.every((column) => columns.has(column))) {
      wanted.push({ table: name, name: `${name}_list_order_idx`, columns: order })
    }
  }
  return wanted
}

export const addMissingIndexes: SQLiteSchemaHook = ({ extendTable, schema }) => {
  const tables = schema.tables as Record<string, Table>
  for (const { table, name, columns } of extraIndexes(tables)) {
    extendTable({
      table: tables[table]!,
      // Drizzle hands the builder the table's columns by their keys (`_parentID`), not by name.
      extraConfig: (self) => {
        const byName = new Map(Object.values(self as Record<string, SQLiteColumn>).map((c) => [c.name, c]))
        const [first, ...rest] = columns.map((column) => byName.get(column)!)
        return { [name]: index(name).on(first!, ...rest) }
      },
    })
  }
  return schema
}
