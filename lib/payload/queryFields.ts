import type { FlattenedField } from 'payload'

/** A field `where` or `sort` names, as far as Voices needs to know it. */
type Named = { type: FlattenedField['type'] } | { type: 'date' }

/** Fields every document has without declaring them. */
const implicit: Record<string, Named> = {
  id: { type: 'text' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
}

export type FieldsOf = (slug: string) => readonly FlattenedField[] | undefined

/**
 * What a query path (`publishedAt`, `program.createdAt`, `version.body.root`) leads to: every
 * field on the way, through groups, arrays and tabs, and into the collection a relationship
 * points at. `undefined` where Voices cannot tell (a path into blocks, a relationship to several
 * collections, a name that does not exist): Payload's own checks then decide.
 */
export function fieldsOnPath(
  path: readonly string[],
  fields: readonly FlattenedField[],
  fieldsOf: FieldsOf,
): Named[] | undefined {
  const [first, ...rest] = path
  if (first === undefined) return undefined
  if (first === 'version' && rest.length > 0) return fieldsOnPath(rest, fields, fieldsOf)
  const field: Named | undefined = fields.find((candidate) => candidate.name === first) ?? implicit[first]
  if (!field) return undefined
  if (rest.length === 0 || field.type === 'richText' || field.type === 'json') return [field]
  let inner: readonly FlattenedField[] | undefined
  if ((field.type === 'relationship' || field.type === 'upload') && 'relationTo' in field) {
    inner = typeof field.relationTo === 'string' ? fieldsOf(field.relationTo) : undefined
  } else if ('flattenedFields' in field) {
    inner = field.flattenedFields as readonly FlattenedField[]
  }
  const further = inner ? fieldsOnPath(rest, inner, fieldsOf) : undefined
  return further ? [field, ...further] : undefined
}

/** Operators whose value Payload turns into a date for a date field, failing on anything else. */
const dateComparisons = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const geographic = new Set(['near', 'within', 'intersects'])

const isDateValue = (value: unknown) =>
  value === null ||
  (value instanceof Date && !Number.isNaN(value.getTime())) ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(new Date(value).getTime()))

/** The most values a list operator may name: SQLite takes at most 32,766 in one statement. */
export const maxListValues = 1_000
/** The most words a text match may have: each is a condition of its own for the database. */
export const maxMatchWords = 100
const listOperators = new Set(['in', 'not_in', 'all'])
const textMatches = new Set(['like', 'not_like', 'contains'])

/** How many values a list operator names: a list, or text split at commas as Payload splits it. */
const listLength = (value: unknown) =>
  Array.isArray(value) ? value.length : typeof value === 'string' ? value.split(',').length : 1

/**
 * Whether an operator and its value can be asked of the field a path ends on. Payload sent each
 * of these on to the database, which failed with a 500: a date comparison with a value that is no
 * date (`where[publishedAt][greater_than]=notadate`); a geographic operator on a field that is no
 * point; `all`, which only MongoDB has, and only for fields holding several values; a list or a
 * text match longer than the database takes in one statement.
 */
export function operatorFits(field: Named | undefined, operator: string, value: unknown, onMongo: boolean): boolean {
  if (listOperators.has(operator) && listLength(value) > maxListValues) return false
  if (textMatches.has(operator) && typeof value === 'string' && value.trim().split(/\s+/).length > maxMatchWords)
    return false
  // A field Voices cannot tell (inside blocks, say): Payload's own checks decide the rest.
  if (!field) return operator !== 'all' || onMongo
  if (geographic.has(operator)) return field.type === 'point'
  if (operator === 'all') return onMongo && 'hasMany' in field && field.hasMany === true
  if (field.type === 'date' && dateComparisons.has(operator)) return isDateValue(value)
  return true
}

/**
 * Whether a path leads into rich text or JSON. Stored rich text holds more than any reader is
 * shown: a mention keeps the ID of the participant it names, which is blanked on the way out
 * for outsiders (privacy/references/hideParticipantRefs.ts). Filtering or sorting on the stored
 * text would let them test it character by character.
 */
export const entersStoredText = (named: readonly Named[]) =>
  named.some((field) => field.type === 'richText' || field.type === 'json')
