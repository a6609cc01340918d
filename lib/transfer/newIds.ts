import { randomBytes, randomUUID } from 'node:crypto'

export type IdMap = Map<string, string>

/**
 * New ids for every document of an archive, when the target database cannot keep the old ones:
 * SQLite's are UUIDs and MongoDB's are ObjectIds. `kind` says which to make.
 */
export function newIdFactory(kind: 'objectId' | 'uuid'): () => string {
  return kind === 'objectId' ? objectId : randomUUID
}

/** An ObjectId as MongoDB makes one: seconds since 1970, then eight random bytes, in hex. */
function objectId(): string {
  const seconds = Math.floor(Date.now() / 1000)
  return seconds.toString(16).padStart(8, '0') + randomBytes(8).toString('hex')
}

/** Ids as the two databases write them: UUIDs (SQLite) and ObjectIds (MongoDB). */
const idPattern = /\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})\b/gi

/**
 * A copy of `value` in which every old id, wherever it appears in a string, is the new one. Ids
 * are random and long, so one found in a string is a reference to that document, wherever it
 * sits: a relationship or upload field, a polymorphic `{ relationTo, value }`, a link or upload
 * inside rich text, a job's input, an audit entry, a version's parent, or a derived key such as
 * `leaders:<id>` (a story's dependsOn list).
 */
export function withNewIds<T>(value: T, ids: IdMap): T {
  if (typeof value === 'string') return value.replace(idPattern, (id) => ids.get(id) ?? id) as T
  if (Array.isArray(value)) return value.map((item) => withNewIds(item, ids)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withNewIds(item, ids)])) as T
  }
  return value
}
