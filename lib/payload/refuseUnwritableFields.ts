import type { CollectionBeforeOperationHook, CollectionConfig, Field, FieldAccess, PayloadRequest } from 'payload'

import { nobody } from '@/access/nobody'
import { Refusal } from '@/lib/refusals/refusal'

type Guarded = { name: string; create?: FieldAccess; update?: FieldAccess }

/**
 * Named fields at the top of a document (through rows, collapsibles and unnamed tabs) whose
 * writing depends on who writes: a role, a private name, a consent record. Fields nobody writes
 * are Voices' own to keep (`nobody`): a value sent for one is ignored, as Payload does.
 */
function guardedFields(fields: Field[]): Guarded[] {
  const found: Guarded[] = []
  for (const field of fields) {
    if ('name' in field && field.name) {
      const { create, update } = (field as { access?: { create?: FieldAccess; update?: FieldAccess } }).access ?? {}
      const chosen = (rule?: FieldAccess) => (rule && rule !== nobody ? rule : undefined)
      if (chosen(create) || chosen(update))
        found.push({ name: field.name, create: chosen(create), update: chosen(update) })
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) if (!('name' in tab && tab.name)) found.push(...guardedFields(tab.fields))
    } else if ('fields' in field) found.push(...guardedFields(field.fields))
  }
  return found
}

const cache = new WeakMap<object, Guarded[]>()

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** The same value as stored, whatever the client's way of writing an empty one. */
const same = (sent: unknown, stored: unknown) =>
  (isEmpty(sent) && isEmpty(stored)) || JSON.stringify(sent) === JSON.stringify(stored)

async function storedDocument(req: PayloadRequest, collection: string, id: number | string) {
  return (await req.payload.findByID({
    collection: collection as 'users',
    id,
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    locale: req.locale ?? undefined,
    req,
  })) as Record<string, unknown> | null
}

/**
 * Payload drops a value its writer may not write and answers 200, so a contributor who sends
 * `role: "admin"` is told her save succeeded. Voices refuses the whole write instead (403,
 * `fieldNotWritable`, naming the field), and nothing is stored. A form that sends back a value
 * as it is stored (the admin sends every field it shows) is not refused for that.
 */
export const refuseUnwritableFields: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const write = args as { data?: Record<string, unknown>; id?: number | string; overrideAccess?: boolean }
  const data = write.data
  // Payload's REST and GraphQL handlers leave it unset; the local API sets it unless told not to.
  if (write.overrideAccess === true || !data || typeof data !== 'object') return args
  if (!cache.has(collection)) cache.set(collection, guardedFields(collection.fields))
  const sent = cache.get(collection)!.filter(({ name }) => name in data)
  if (sent.length === 0) return args

  let stored: Record<string, unknown> | null | undefined
  for (const field of sent) {
    const rule = operation === 'create' ? field.create : field.update
    if (!rule) continue
    const allowed = await rule({ req, data, siblingData: data, id: write.id })
    if (allowed) continue
    if (operation === 'create' || write.id === undefined) {
      if (isEmpty(data[field.name])) continue
      throw new Refusal(req, 'fieldNotWritable', 403, { field: field.name })
    }
    if (stored === undefined) stored = await storedDocument(req, collection.slug, write.id)
    if (!stored || !same(data[field.name], stored[field.name])) {
      throw new Refusal(req, 'fieldNotWritable', 403, { field: field.name })
    }
  }
  return args
}

/** A collection that refuses, before anything else, a value its writer may not write. */
export const withUnwritableFieldsRefused = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [refuseUnwritableFields, ...(collection.hooks?.beforeOperation ?? [])],
  },
})
