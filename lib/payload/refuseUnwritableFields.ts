import type {
  Access,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Field,
  FieldAccess,
  GlobalBeforeOperationHook,
  GlobalConfig,
  GlobalSlug,
  PayloadRequest,
} from 'payload'

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

type Stored = Record<string, unknown> | null

/** Refuses the first field in `data` its writer may not write, unless sent back as `stored()` holds it. */
async function refuseUnwritable(
  req: PayloadRequest,
  config: object & { fields: Field[] },
  write: { data?: unknown; overrideAccess?: boolean; id?: number | string },
  operation: 'create' | 'update',
  stored: (() => Promise<Stored>) | null,
): Promise<void> {
  // Payload's REST and GraphQL handlers leave `overrideAccess` unset; the local API sets it unless told not to.
  const data = write.data as Record<string, unknown> | undefined
  if (write.overrideAccess === true || !data || typeof data !== 'object') return
  if (!cache.has(config)) cache.set(config, guardedFields(config.fields))
  const sent = cache.get(config)!.filter(({ name }) => name in data)
  let current: Stored | undefined
  for (const field of sent) {
    const rule = operation === 'create' ? field.create : field.update
    if (!rule || (await rule({ req, data, siblingData: data, id: write.id }))) continue
    if (!stored) {
      if (isEmpty(data[field.name])) continue
      throw new Refusal(req, 'fieldNotWritable', 403, { field: field.name })
    }
    if (current === undefined) current = await stored()
    if (!current || !same(data[field.name], current[field.name])) {
      throw new Refusal(req, 'fieldNotWritable', 403, { field: field.name })
    }
  }
}

/** Whether collection or global access lets this writer write at all (a query counts as yes). */
async function mayWriteAtAll(
  rule: Access | undefined,
  req: PayloadRequest,
  write: { data?: unknown; id?: number | string; overrideAccess?: boolean },
): Promise<boolean> {
  if (write.overrideAccess === true || !rule) return true
  return Boolean(await rule({ req, data: write.data, id: write.id === undefined ? undefined : String(write.id) }))
}

/**
 * Payload drops a value its writer may not write and answers 200, so a contributor who sends
 * `role: "admin"` is told her save succeeded. Voices refuses the whole write instead (403,
 * `fieldNotWritable`, naming the field), and nothing is stored. A form that sends back a value
 * as it is stored (the admin sends every field it shows) is not refused for that. A new document
 * or a bulk update has no one stored value to compare with: any value is refused.
 */
export const refuseUnwritableFields: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const write = args as { data?: unknown; id?: number | string; overrideAccess?: boolean }
  // Whoever may not write to the collection at all is refused by Payload, as such.
  if (!(await mayWriteAtAll(collection.access[operation], req, write))) return args
  const stored =
    operation === 'update' && write.id !== undefined
      ? async () =>
          (await req.payload.findByID({
            collection: collection.slug as CollectionSlug,
            id: write.id!,
            depth: 0,
            draft: true,
            overrideAccess: true,
            disableErrors: true,
            locale: req.locale ?? undefined,
            req,
          })) as unknown as Stored
      : null
  await refuseUnwritable(req, collection, write, operation, stored)
  return args
}

/** The same for a global's settings (the consent withdrawal policy is an admin's). */
export const refuseUnwritableGlobalFields: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  if (operation !== 'update') return args
  if (!(await mayWriteAtAll(global.access.update, req, args as { data?: unknown }))) return args
  const stored = async () =>
    (await req.payload.findGlobal({
      slug: global.slug as GlobalSlug,
      depth: 0,
      draft: true,
      overrideAccess: true,
      locale: req.locale ?? undefined,
      req,
    })) as unknown as Stored
  await refuseUnwritable(req, global, args as { data?: unknown; overrideAccess?: boolean }, operation, stored)
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

/** A global that does the same. */
export const withUnwritableGlobalFieldsRefused = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: {
    ...global.hooks,
    beforeOperation: [refuseUnwritableGlobalFields, ...(global.hooks?.beforeOperation ?? [])],
  },
})
