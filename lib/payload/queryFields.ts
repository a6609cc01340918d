import type { FlattenedField } from 'payload'

/** A field `where` or `sort` names, as far as Voices needs to know it. */
type Named = { type: FlattenedField['type'] } | { type: 'date' }

/** Fields every document has without declaring them. */
const implicit: Record<string, Named> = {
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

/**
 * Whether an operator and its value can be asked of the field a path ends on. Payload sent a date
 * comparison with a value that is no date (`where[publishedAt][greater_than]=notadate`), or a
 * geographic operator on a field that is no point, on to the database, and answered 500.
 */
export function operatorFits(field: Named, operator: string, value: unknown): boolean {
  if (geographic.has(operator)) return field.type === 'point'
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
