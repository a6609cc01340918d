import type { CollectionBeforeOperationHook, Field, PayloadRequest } from 'payload'

import { relationId } from '@/lib/relations'
import { defaultLocale } from '@/lib/locales'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'

/** Collections whose documents the public reads once published. */
export type PublishedCollection = 'stories' | 'programs'

/** A document with every localized field as `{ en, ru, kk }`, as read with `locale: 'all'`. */
export type AllLocales = Record<string, unknown>

/**
 * What a write does, as the publishing policy sees it. Payload's hooks see one locale of the
 * data and cannot tell a duplicate, a version restore or a one-locale publish from an ordinary
 * create or update; the policy must judge the whole document exactly as it will be stored.
 */
export type Write = {
  kind: 'create' | 'duplicate' | 'update' | 'restore'
  /** The document being written (undefined while creating). */
  id?: string
  /** The document a duplicate copies. */
  source?: string
  /** `_status` of the main document after the write: "published" means the public reads it. */
  status: 'draft' | 'published'
  /** The main document as the public reads it before the write, when it is published. */
  publishedBefore: AllLocales | null
  /** The document after the write, every locale: what goes live when `status` is "published". */
  saved: AllLocales
}

type Pending =
  | { kind: 'restore'; parent: string; draft: boolean; version: AllLocales }
  | { kind: 'publishLocale'; locale: string }
  | { kind: 'duplicate'; source: string; locales?: string[] }

const pendingKey = (collection: PublishedCollection) => `voices:pendingWrite:${collection}`

/**
 * Before each operation, notes what the hooks cannot see for themselves: that a create copies
 * another document (Payload removes the source's ID before the hooks run), the version a restore
 * writes (all its locales) and whether it restores as a draft, or the one locale an update
 * publishes. Any other operation clears the note, so it never outlives its own write.
 */
export function noteWrite(collection: PublishedCollection): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    const key = pendingKey(collection)
    delete req.context[key]
    if (operation === 'restoreVersion') {
      const version = await req.payload
        .findVersionByID({
          collection,
          id: String(args.id),
          locale: 'all',
          depth: 0,
          overrideAccess: true,
          req: isolatedRequest(req),
        })
        .catch(() => null)
      const parent = relationId(version?.parent)
      if (version && parent) {
        const pending: Pending = {
          kind: 'restore',
          parent,
          draft: Boolean(args.draft),
          version: version.version as unknown as AllLocales,
        }
        req.context[key] = pending
      }
    } else if (operation === 'create' && args.duplicateFromID !== undefined && args.duplicateFromID !== null) {
      const locales =
        Array.isArray(args.selectedLocales) && args.selectedLocales.length > 0 ? args.selectedLocales : undefined
      const pending: Pending = { kind: 'duplicate', source: String(args.duplicateFromID), locales }
      req.context[key] = pending
    } else if (operation === 'update' && typeof args.publishSpecificLocale === 'string') {
      const pending: Pending = { kind: 'publishLocale', locale: args.publishSpecificLocale }
      req.context[key] = pending
    }
    return args
  }
}

/** Whether the create now running copies another document. */
export function isDuplicate(collection: PublishedCollection, req: PayloadRequest): boolean {
  return (req.context[pendingKey(collection)] as Pending | undefined)?.kind === 'duplicate'
}

type Args = {
  collection: PublishedCollection
  data: Record<string, unknown>
  originalDoc?: Record<string, unknown>
  operation: 'create' | 'update'
  req: PayloadRequest
}

/**
 * The document exactly as this write will store it, in every locale, and whether the public will
 * read it. Called from a `beforeChange` hook, after the data's own hooks have run.
 */
export async function describeWrite({ collection, data, originalDoc, operation, req }: Args): Promise<Write> {
  const savingLocale = req.locale ?? undefined
  const reader = isolatedRequest(req)
  const pending = req.context[pendingKey(collection)] as Pending | undefined
  const id = operation === 'update' ? (relationId(originalDoc?.id) ?? undefined) : undefined
  const fields = req.payload.collections[collection].config.fields

  const kind: Write['kind'] =
    operation === 'create'
      ? pending?.kind === 'duplicate'
        ? 'duplicate'
        : 'create'
      : pending?.kind === 'restore' && pending.parent === id
        ? 'restore'
        : 'update'

  const read = (docId: string, draft: boolean) =>
    req.payload
      .findByID({ collection, id: docId, draft, locale: 'all', depth: 0, overrideAccess: true, req: reader })
      .then((doc) => doc as unknown as AllLocales)
      .catch(() => null)

  // Updates start from the latest version (a pending draft is what an update publishes);
  // restores write the version as it was; duplicates copy the source's latest version, in the
  // locales asked for.
  let base: AllLocales = {}
  if (kind === 'restore' && pending?.kind === 'restore') base = pending.version
  else if (kind === 'update' && id) base = (await read(id, true)) ?? {}
  else if (kind === 'duplicate' && pending?.kind === 'duplicate') {
    const source = (await read(pending.source, true)) ?? {}
    base = pending.locales ? keepLocales(fields, source, pending.locales) : source
    delete base.id
  }
  // A restore's data is the version read in the default locale.
  const locale = kind === 'restore' ? defaultLocale : savingLocale
  let saved = overlay(fields, base, data, locale)

  const main = (kind === 'update' || kind === 'restore') && id ? await read(id, false) : null
  const publishedBefore = main?._status === 'published' ? main : null

  // Publishing one locale puts that locale live beside the other locales of the last published
  // version, whether or not the story is published now.
  if (pending?.kind === 'publishLocale' && kind === 'update' && id) {
    const {
      docs: [lastPublished],
    } = await req.payload.findVersions({
      collection,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      sort: '-updatedAt',
      limit: 1,
      locale: 'all',
      depth: 0,
      overrideAccess: true,
      req: reader,
    })
    saved = mergeLocale(fields, (lastPublished?.version as unknown as AllLocales) ?? {}, saved, pending.locale)
  }

  const requested = kind === 'restore' && pending?.kind === 'restore' && pending.draft ? 'draft' : data._status
  const status =
    (requested ?? (kind === 'create' ? 'draft' : originalDoc?._status)) === 'published' ? 'published' : 'draft'
  const source = kind === 'duplicate' && pending?.kind === 'duplicate' ? pending.source : undefined
  return { kind, id, source, status, publishedBefore, saved: { ...saved, _status: status } }
}

type Container = { fields: Field[] }

function isNamed(field: Field): field is Field & { name: string } {
  return 'name' in field && typeof field.name === 'string'
}

/**
 * `base` with the write's `data` laid over it, as Payload merges them: a localized field takes the
 * data's value for the saving locale only; groups merge field by field. Arrays and blocks are
 * taken as written: nothing the public reads about people or images lies in their localized rows.
 */
function overlay(
  fields: Field[],
  base: AllLocales,
  data: Record<string, unknown>,
  locale: string | undefined,
): AllLocales {
  const out: AllLocales = { ...base }
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      Object.assign(out, overlay((field as Container).fields, out, data, locale))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (tab.name in data)
            out[tab.name] = overlay(tab.fields, asRecord(out[tab.name]), asRecord(data[tab.name]), locale)
        } else Object.assign(out, overlay(tab.fields, out, data, locale))
      }
      continue
    }
    if (!isNamed(field) || !(field.name in data) || data[field.name] === undefined) continue
    const value = data[field.name]
    if ('localized' in field && field.localized && locale && locale !== 'all') {
      out[field.name] = { ...asRecord(out[field.name]), [locale]: value }
    } else if (field.type === 'group' && !('localized' in field && field.localized)) {
      out[field.name] = overlay(field.fields, asRecord(out[field.name]), asRecord(value), locale)
    } else {
      out[field.name] = value
    }
  }
  return out
}

/** `published` in every locale but `locale`, which (with every unlocalized field) comes from `saved`. */
function mergeLocale(fields: Field[], published: AllLocales, saved: AllLocales, locale: string): AllLocales {
  const out: AllLocales = { ...saved }
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      Object.assign(out, mergeLocale((field as Container).fields, published, out, locale))
      continue
    }
    if (!isNamed(field)) continue
    if ('localized' in field && field.localized) {
      out[field.name] = { ...asRecord(published[field.name]), [locale]: asRecord(saved[field.name])[locale] }
    } else if (field.type === 'group') {
      out[field.name] = mergeLocale(field.fields, asRecord(published[field.name]), asRecord(saved[field.name]), locale)
    }
  }
  return out
}

/** Only these locales of every localized field, as a duplicate of selected locales copies them. */
function keepLocales(fields: Field[], doc: AllLocales, locales: string[]): AllLocales {
  const out: AllLocales = { ...doc }
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      Object.assign(out, keepLocales((field as Container).fields, out, locales))
      continue
    }
    if (!isNamed(field)) continue
    if ('localized' in field && field.localized) {
      out[field.name] = Object.fromEntries(
        Object.entries(asRecord(doc[field.name])).filter(([code]) => locales.includes(code)),
      )
    } else if (field.type === 'group') {
      out[field.name] = keepLocales(field.fields, asRecord(doc[field.name]), locales)
    }
  }
  return out
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** The values of a field read with `locale: 'all'`, one per locale that has one. */
export function localeValues(value: unknown): unknown[] {
  return Object.values(asRecord(value)).filter((v) => v !== null && v !== undefined && v !== '')
}
