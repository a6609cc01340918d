import type { CollectionSlug, FlattenedField, PayloadRequest, SanitizedConfig } from 'payload'

import { validOperatorSet } from 'payload/shared'

import { isFieldPath } from '@/lib/api/fieldNames'
import { Refusal } from '@/lib/refusals/refusal'
import { isPublicSiteRead } from '@/privacy/references/publicSiteRead'

import { refuseUnscopedDraftFilters } from './draftRelationFilters'
import { entersStoredText, fieldsOnPath, operatorFits } from './queryFields'

/** A sort names a field, `-` first for descending. */
const sortPath = (path: string) => path === '' || isFieldPath(path.replace(/^-/, ''))
/** A collection as `populate` names it. */
const slugKey = /^[a-z0-9][\w-]*$/

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)

const isScalar = (value: unknown) =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (value instanceof Date && !Number.isNaN(value.getTime()))

/** The value an operator compares with: one value, a list for the list operators, GeoJSON for the geographic ones. */
function isOperand(operator: string, value: unknown): boolean {
  if (operator === 'in' || operator === 'not_in' || operator === 'all') {
    return isScalar(value) || (Array.isArray(value) && value.every(isScalar))
  }
  if (operator === 'near') return typeof value === 'string' || (Array.isArray(value) && value.every(isScalar))
  if (operator === 'within' || operator === 'intersects') return isPlainObject(value)
  return isScalar(value)
}

function isWhere(where: unknown, depth = 0): boolean {
  if (!isPlainObject(where) || depth > 10) return false
  return Object.entries(where).every(([key, value]) => {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null
      return list !== null && list.every((inner) => isWhere(inner, depth + 1))
    }
    if (!isFieldPath(key) || !isPlainObject(value)) return false
    return Object.entries(value).every(
      ([operator, operand]) => validOperatorSet.has(operator as never) && isOperand(operator, operand),
    )
  })
}

/** The most conditions one `where` may hold, in all its `and` and `or` together. */
const maxConditions = 100

/** Every condition of a well-formed `where`, with its path, operator and value. */
export function conditions(where: unknown): Array<{ path: string; operator: string; value: unknown }> {
  if (!isPlainObject(where)) return []
  return Object.entries(where).flatMap(([key, value]) => {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : []
      return list.flatMap(conditions)
    }
    return isPlainObject(value)
      ? Object.entries(value).map(([operator, operand]) => ({ path: key, operator, value: operand }))
      : []
  })
}

function isSort(sort: unknown): boolean {
  const items = typeof sort === 'string' ? sort.split(',') : sort
  return Array.isArray(items) && items.every((item) => typeof item === 'string' && sortPath(item))
}

/** `select: { title: true, version: { _status: true } }`: field names down to true or false. */
function isSelect(select: unknown, depth = 0): boolean {
  if (!isPlainObject(select) || depth > 10) return false
  return Object.entries(select).every(
    ([key, value]) =>
      !key.includes('.') && isFieldPath(key) && (typeof value === 'boolean' || isSelect(value, depth + 1)),
  )
}

/** `populate: { media: { alt: true } }`: a select per collection. */
const isPopulate = (populate: unknown) =>
  isPlainObject(populate) && Object.entries(populate).every(([key, value]) => slugKey.test(key) && isSelect(value))

const isWhole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

export type QueryArgs = { where?: unknown; sort?: unknown; select?: unknown; populate?: unknown } & Record<
  string,
  unknown
>

/** The first argument a client sent in a shape Payload cannot query with, or null. */
export function malformedArg(args: QueryArgs, maxDepth: number): string | null {
  const checks: Array<[string, (value: unknown) => boolean]> = [
    ['where', (value) => isWhere(value)],
    ['sort', isSort],
    ['select', (value) => isSelect(value)],
    ['populate', isPopulate],
    ['depth', (value) => isWhole(value, 0, maxDepth)],
    ['limit', (value) => isWhole(value, 0)],
    ['page', (value) => isWhole(value, 1)],
  ]
  for (const [name, valid] of checks) {
    // Payload's own batched reads pass what they were not given as null.
    if (args[name] !== undefined && args[name] !== null && !valid(args[name])) return name
  }
  return null
}

/**
 * Whether a sort follows a relationship (`author.email`, `version.signOff.signedOffBy.hash`).
 * Payload orders by the related document's values without asking whether the reader may read
 * them, so such a sort told a contributor, request by request, how a colleague's e-mail or
 * password hash compares with a value of her choosing. `where` on the same paths is checked;
 * sorting stays on a document's own fields.
 */
export function sortCrossesRelation(sort: unknown, fields: readonly FlattenedField[]): boolean {
  const items = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : []
  return items.some((item) => {
    if (typeof item !== 'string') return false
    const path = item.replace(/^-/, '').split('.')
    // A version's fields are the document's, under `version`.
    if (path[0] === 'version') path.shift()
    let level: readonly FlattenedField[] = fields
    for (let i = 0; i < path.length - 1; i++) {
      const field = level.find((candidate) => candidate.name === path[i])
      if (!field) return false
      if (field.type === 'relationship' || field.type === 'upload' || field.type === 'join') return true
      if (!('flattenedFields' in field)) return false
      level = field.flattenedFields
    }
    return false
  })
}

/** Names every document has, and those of a version (`findVersions`) beside its `version`. */
const alwaysNamed = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'parent',
  'latest',
  'autosave',
  'snapshot',
  'publishedLocale',
])

/** Whether `path` names a field of `fields`, through groups, tabs and arrays; `version.` leads into them. */
function namesField(path: readonly string[], fields: readonly FlattenedField[]): boolean {
  const [first, ...rest] = path
  if (first === undefined) return false
  if (rest.length === 0 && alwaysNamed.has(first)) return true
  if (first === 'version' && rest.length > 0) return namesField(rest, fields)
  const field = fields.find((candidate) => candidate.name === first)
  if (!field) return false
  if (rest.length === 0) return true
  return 'flattenedFields' in field && namesField(rest, field.flattenedFields)
}

/** Every path a select asks for, as `['meta', 'title']`; `version: { … }` keeps its prefix. */
function selectPaths(select: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(select)) return []
  return Object.entries(select).flatMap(([key, value]) =>
    isPlainObject(value) && Object.keys(value).length > 0 ? selectPaths(value, [...prefix, key]) : [[...prefix, key]],
  )
}

const sortPaths = (sort: unknown): string[][] =>
  (typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : [])
    .filter((item): item is string => typeof item === 'string' && item !== '')
    .map((item) => item.replace(/^-/, '').split('.'))

/**
 * The first of `sort`, `select` and `populate` that names something the collection does not
 * have: Payload quietly ignored such a name, so a typo read as if the client had asked for
 * nothing, and the answer differed from one naming a field the client may not read.
 */
export function unknownName(
  args: QueryArgs,
  fields: readonly FlattenedField[],
  fieldsOf: (slug: string) => readonly FlattenedField[] | undefined,
): string | null {
  if (sortPaths(args.sort).some((path) => !namesField(path, fields))) return 'sort'
  if (selectPaths(args.select).some((path) => !namesField(path, fields))) return 'select'
  if (isPlainObject(args.populate)) {
    for (const [slug, select] of Object.entries(args.populate)) {
      const related = fieldsOf(slug)
      if (!related || selectPaths(select).some((path) => !namesField(path, related))) return 'populate'
    }
  }
  return null
}

type HookArgs = {
  args?: QueryArgs
  collection?: { flattenedFields: FlattenedField[] }
  global?: { flattenedFields: FlattenedField[] }
  overrideAccess?: boolean
  req: PayloadRequest
}

/**
 * Refuses a REST or GraphQL read or write whose `where`, `sort`, `select`, `populate`, `depth`,
 * `limit` or `page` Payload would otherwise pass on as it is: an operator it does not have
 * (`where[title][$ne]`), an object where a value belongs (`where[title][equals][$gt]=`), a page
 * of 1e309. Those reached the database and ended in a 500, or were quietly ignored. Voices' own
 * calls (the local API, or anything that overrides access) are trusted and not checked.
 */
const refuseMalformedArgs = ({ args, collection, global, overrideAccess, req }: HookArgs) => {
  if (!args || overrideAccess || req.payloadAPI === 'local') return args
  const param = malformedArg(args, req.payload.config.maxDepth)
  if (param) throw new Refusal(req, 'malformedQuery', 400, { param })
  if (collection && sortCrossesRelation(args.sort, collection.flattenedFields)) {
    throw new Refusal(req, 'malformedQuery', 400, { param: 'sort' })
  }
  const fieldsOf = (slug: string) =>
    req.payload.collections[slug as CollectionSlug]?.config.flattenedFields ??
    req.payload.config.globals.find((global) => global.slug === slug)?.flattenedFields
  const fields = collection?.flattenedFields ?? global?.flattenedFields
  if (!fields) return args
  const unknown = unknownName(args, fields, fieldsOf)
  if (unknown) throw new Refusal(req, 'malformedQuery', 400, { param: unknown })
  const outsider = !req.user && !isPublicSiteRead(req)
  const onMongo = req.payload.db.name === 'mongoose'
  const asked = conditions(args.where)
  // Each condition is a clause of one SQL statement, and SQLite nests only so deep.
  if (asked.length > maxConditions) throw new Refusal(req, 'malformedQuery', 400, { param: 'where' })
  for (const { path, operator, value } of asked) {
    const named = fieldsOnPath(path.split('.'), fields, fieldsOf)
    if (outsider && named && entersStoredText(named)) throw new Refusal(req, 'fieldNotFilterable', 400, { field: path })
    if (!operatorFits(named?.at(-1), operator, value, onMongo))
      throw new Refusal(req, 'malformedQuery', 400, { param: 'where' })
  }
  if (outsider) {
    for (const path of sortPaths(args.sort)) {
      const named = fieldsOnPath(path, fields, fieldsOf)
      if (named && entersStoredText(named)) throw new Refusal(req, 'fieldNotFilterable', 400, { field: path.join('.') })
    }
  }
  return args
}

/** Every collection and global, Payload's own included, checks what clients ask of it. */
export function checkQueryArgs(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [
      refuseMalformedArgs as never,
      refuseUnscopedDraftFilters as never,
      ...(collection.hooks.beforeOperation ?? []),
    ]
  }
  for (const global of config.globals) {
    global.hooks.beforeOperation = [refuseMalformedArgs, ...(global.hooks.beforeOperation ?? [])]
  }
  return config
}
