import type { CollectionSlug, Field, FieldHook, PayloadRequest, SanitizedConfig } from 'payload'

import { ValidationError } from 'payload'

import type { RefusalCode } from '@/lib/refusals/refusal'
import { voicesT } from '@/lib/refusals/translate'
import { hasUnsafeCharacters } from '@/lib/text/unsafeCharacters'

type Check = (value: unknown, field: Field, req: PayloadRequest) => Promise<RefusalCode | null> | RefusalCode | null

const isText = (value: unknown) => typeof value === 'string' && !hasUnsafeCharacters(value)
const isDate = (value: unknown) =>
  (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ||
  (value instanceof Date && !Number.isNaN(value.getTime()))
const isNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** Every value of a field: a has-many field's list, or the one value; null and undefined stand for "none". */
function valuesOf(value: unknown, field: Field): unknown[] | null {
  if (value === null || value === undefined) return []
  if ('hasMany' in field && field.hasMany) return Array.isArray(value) ? value.filter((v) => v !== null) : null
  return [value]
}

const each =
  (valid: (value: unknown, field: Field) => boolean, code: RefusalCode): Check =>
  (value, field) => {
    const values = valuesOf(value, field)
    return values !== null && values.every((v) => valid(v, field)) ? null : code
  }

function optionValues(field: Field): string[] {
  const options = 'options' in field && Array.isArray(field.options) ? field.options : []
  return options.map((option) => (typeof option === 'string' ? option : String(option.value)))
}

/**
 * A relationship or upload names documents that exist, in a collection it may point at. Without
 * this an unknown ID reached the database, whose foreign key refused it with a 500.
 */
const refersToDocuments: Check = async (value, field, req) => {
  if (field.type !== 'relationship' && field.type !== 'upload') return null
  const values = valuesOf(value, field)
  if (values === null) return 'noSuchDocument'
  const wanted = new Map<string, Set<string>>()
  for (const item of values) {
    const [collection, id] = Array.isArray(field.relationTo)
      ? item !== null && typeof item === 'object' && 'relationTo' in item && 'value' in item
        ? [String(item.relationTo), (item as { value: unknown }).value]
        : [null, null]
      : [field.relationTo, item]
    const allowed: string[] = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
    if (!collection || !allowed.includes(collection)) {
      return 'noSuchDocument'
    }
    if (typeof id !== 'string' && typeof id !== 'number') return 'noSuchDocument'
    wanted.set(collection, (wanted.get(collection) ?? new Set()).add(String(id)))
  }
  for (const [collection, ids] of wanted) {
    const { totalDocs } = await req.payload.count({
      collection: collection as CollectionSlug,
      where: { id: { in: [...ids] } },
      overrideAccess: true,
      req,
    })
    if (totalDocs !== ids.size) return 'noSuchDocument'
  }
  return null
}

const checks: Partial<Record<Field['type'], Check>> = {
  text: each(isText, 'notText'),
  textarea: each(isText, 'notText'),
  email: each(isText, 'notText'),
  code: each(isText, 'notText'),
  date: each(isDate, 'notADate'),
  number: each(isNumber, 'notANumber'),
  checkbox: each((value) => typeof value === 'boolean', 'notABoolean'),
  select: each((value, field) => optionValues(field).includes(value as string), 'notAnOption'),
  radio: each((value, field) => optionValues(field).includes(value as string), 'notAnOption'),
  relationship: refersToDocuments,
  upload: refersToDocuments,
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * Refuses a value of the wrong kind for its field, sent over REST or GraphQL: an object or a list
 * where text belongs (`{ "name": { "$ne": null } }` was stored as the text `{"$ne":null}`), a date
 * that is not one (`createdAt: "not a date"` was stored, and every later read of the document,
 * and of every story that uses it, failed), a number, checkbox or option that is not one, a
 * relationship to nothing. Payload validates none of this for drafts, and not all of it ever.
 * Runs first among the field's hooks, after Payload's own conversions (IDs from populated
 * documents, "true" to true) and before anything is stored; a value unchanged since it was
 * stored is not checked again.
 */
function refuseWrongKind(check: Check): FieldHook {
  return async ({ collection, field, global, path, previousValue, req, value }) => {
    if (req.payloadAPI === 'local' || value === undefined || same(value, previousValue)) return value
    const localized =
      'localized' in field && field.localized && req.locale === 'all' && value && typeof value === 'object'
    const values = localized ? Object.values(value as Record<string, unknown>) : [value]
    for (const one of values) {
      const code = await check(one, field as Field, req)
      if (!code) continue
      const name = path.join('.')
      const message = voicesT(req)(`voices:refusals:${code}`, { field: name })
      throw new ValidationError(
        {
          collection: collection?.slug,
          global: global?.slug,
          req,
          errors: [{ path: name, message, label: message, code } as never],
        },
        req.t,
      )
    }
    return value
  }
}

function strictFields(fields: Field[]): void {
  for (const field of fields) {
    const check = checks[field.type]
    if (check && 'name' in field) {
      const data = field as { hooks?: { beforeValidate?: FieldHook[] } }
      data.hooks = { ...data.hooks, beforeValidate: [refuseWrongKind(check), ...(data.hooks?.beforeValidate ?? [])] }
    }
    if ('fields' in field && Array.isArray(field.fields)) strictFields(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) strictFields(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks ?? []) strictFields(block.fields)
  }
}

/** Every collection's and global's fields, Payload's own timestamps included, refuse values of the wrong kind. */
export function strictValues(config: SanitizedConfig): SanitizedConfig {
  for (const entity of [...config.collections, ...config.globals]) strictFields(entity.fields)
  return config
}
