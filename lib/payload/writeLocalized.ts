import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import type { Locale } from '@/lib/locales'

/** Localized values as the database stores them: one value per locale. */
export type ByLocale = Partial<Record<Locale, unknown>>
type Stored = Record<string, unknown>

const get = (doc: Stored | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Stored | undefined)?.[key], doc)

function set(target: Stored, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Stored
  node[keys.at(-1)!] = value
}

/**
 * Paths of every localized value the relational adapters keep in a document's per-locale row
 * (e.g. `stories_locales`, `_stories_v_locales`): localized scalars, also inside groups. Arrays,
 * blocks and has-many values live in tables of their own and are left alone.
 */
function localeRowPaths(fields: FlattenedField[], prefix = '', inLocalized = false): string[] {
  const paths: string[] = []
  for (const field of fields) {
    if ('virtual' in field && field.virtual) continue
    const localized = inLocalized || Boolean('localized' in field && field.localized)
    const path = `${prefix}${field.name}`
    if (field.type === 'group' || field.type === 'tab') {
      paths.push(...localeRowPaths(field.flattenedFields, `${path}.`, localized))
      continue
    }
    if (!localized || field.type === 'array' || field.type === 'blocks' || field.type === 'join') continue
    if ('hasMany' in field && field.hasMany) continue
    if ((field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo)) continue
    paths.push(path)
  }
  return paths
}

/**
 * Writes new values of localized fields (paths like `excerpt` or `meta.title`, each with its
 * value in every locale) straight to the database, on a document or one of its versions: no
 * hooks, no new version, `updatedAt` kept, nothing else changed. For privacy rewrites that must
 * not publish a pending draft or be refused by validation of unrelated fields.
 *
 * MongoDB sets exactly the given `field.locale` paths. The relational adapters (SQLite,
 * Postgres) replace a document's per-locale rows as a whole on any localized write, so they are
 * given every localized value of every locale, the unchanged ones as `stored` holds them (the
 * document or version's `version`, read at the database level with `locale: 'all'`); a locale
 * with no row yet gets none, so there it has nothing to change.
 */
export async function writeLocalized(
  req: PayloadRequest,
  target: { collection: CollectionSlug; kind: 'document' | 'version'; id: string | number; stored: Stored },
  changes: Map<string, ByLocale>,
): Promise<void> {
  const { payload } = req
  const prefix = target.kind === 'version' ? 'version.' : ''
  const data: Stored = { updatedAt: null }
  if (payload.db.name === 'mongoose') {
    for (const [path, byLocale] of changes) {
      for (const [locale, value] of Object.entries(byLocale)) data[`${prefix}${path}.${locale}`] = value
    }
  } else {
    const paths = localeRowPaths(payload.collections[target.collection].config.flattenedFields)
    // Only the locales that have a row already: a new row would need every required field.
    const present = new Set(
      paths.flatMap((path) => Object.keys((get(target.stored, path) as ByLocale | null | undefined) ?? {})),
    )
    const values: Stored = {}
    for (const path of paths) {
      const value = (changes.get(path) ?? get(target.stored, path)) as ByLocale | null | undefined
      if (value === undefined || value === null) continue
      set(values, path, Object.fromEntries(Object.entries(value).filter(([locale]) => present.has(locale))))
    }
    if (target.kind === 'version') data.version = values
    else Object.assign(data, values)
  }
  const { collection, id } = target
  if (target.kind === 'version') {
    await payload.db.updateVersion({ collection, id, versionData: data as never, req, returning: false })
  } else {
    await payload.db.updateOne({ collection, id, data, req, returning: false })
  }
}
