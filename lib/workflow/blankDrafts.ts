import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import { hasAutosaveEnabled } from 'payload/shared'

import { relationId } from '@/lib/relations'
import { lexicalRoot, walkLexical } from '@/lib/richText/walk'

/**
 * Untitled drafts nobody wrote anything in. Payload's admin saves a new document the moment
 * "Create new" opens when its collection autosaves (stories), so that autosave has a document
 * to save to; staff who open it and leave leave an empty draft behind.
 *
 * Payload 3.90 defers that first save only with `versions.drafts.validate`, which would also
 * validate every draft save on every path (a half-written story could not be autosaved, and
 * the first save would wait for a "Save draft" press); `autosave.showSaveDraftButton` only
 * shows a button. So Voices keeps Payload's autosave and removes the leftovers instead: a draft
 * of an autosaving collection is removed when
 *
 * - it was created more than an hour ago (whoever opened it has long left the page),
 * - it has exactly one version, the one the admin made on opening it: any save since (an
 *   autosave after typing, even typing that was then deleted) makes a second,
 * - that version is a draft and holds nothing anyone wrote, in any language: every field is
 *   empty or at its default, apart from what Payload and Voices fill in themselves,
 * - and no publishing is scheduled for it.
 *
 * Programs and tags do not autosave, so Payload creates them only when someone saves.
 */
export const blankDraftGraceMs = 60 * 60 * 1000

/** Set on every new document by Payload or Voices, whatever anyone writes. */
const filledBySystem = new Set(['id', '_status', 'createdAt', 'updatedAt', 'author'])

type Id = string | number

export async function removeBlankDrafts(
  req: PayloadRequest,
  now = new Date(),
): Promise<Array<{ collection: string; id: Id }>> {
  const { payload } = req
  const removed: Array<{ collection: string; id: Id }> = []
  const cutoff = new Date(now.getTime() - blankDraftGraceMs).toISOString()
  const scheduled = await scheduledDocuments(req)
  for (const { config } of Object.values(payload.collections)) {
    if (!hasAutosaveEnabled(config)) continue
    const collection = config.slug as CollectionSlug
    const candidates = await payload.db.find<{ id: Id }>({
      collection,
      where: { and: [{ _status: { equals: 'draft' } }, { createdAt: { less_than: cutoff } }] },
      pagination: false,
      req,
    })
    for (const { id } of candidates.docs) {
      if (scheduled.has(`${collection}:${id}`)) continue
      const where = { parent: { equals: id } }
      const { totalDocs } = await payload.db.countVersions({ collection, where, req })
      if (totalDocs !== 1) continue
      const { docs } = await payload.db.findVersions<Record<string, unknown>>({
        collection,
        where,
        limit: 1,
        locale: 'all',
        req,
      })
      const version = docs[0]?.version
      if (!version || version._status !== 'draft' || !isBlank(version, config.fields)) continue
      await payload.delete({ collection, id, overrideAccess: true, req, context: { disableRevalidate: true } })
      removed.push({ collection, id })
    }
  }
  return removed
}

/** Documents with publishing scheduled (Payload's `schedulePublish` jobs not yet done). */
async function scheduledDocuments(req: PayloadRequest): Promise<Set<string>> {
  const { docs } = await req.payload.db.find<{ input?: { doc?: { relationTo?: string; value?: unknown } } }>({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] },
    pagination: false,
    req,
  })
  const keys = docs.map(({ input }) => `${input?.doc?.relationTo}:${relationId(input?.doc?.value)}`)
  return new Set(keys)
}

/** Whether a stored document (every locale) holds nothing anyone wrote. */
export function isBlank(doc: Record<string, unknown>, fields: Field[]): boolean {
  const defaults = staticDefaults(fields)
  return Object.entries(doc).every(
    ([name, value]) => filledBySystem.has(name) || (name in defaults && defaults[name] === value) || isEmpty(value),
  )
}

/** Top-level fields' plain default values (`reviewStatus: 'draft'`, the slug's "generate" checkbox). */
function staticDefaults(fields: Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') Object.assign(out, staticDefaults(field.fields))
    else if ('name' in field && 'defaultValue' in field && typeof field.defaultValue !== 'function') {
      out[field.name] = field.defaultValue
    }
  }
  return out
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return true
  if (Array.isArray(value)) return value.every(isEmpty)
  if (typeof value !== 'object') return false
  if (lexicalRoot(value)) return isBlankRichText(value)
  return Object.values(value).every(isEmpty)
}

/** A rich-text value with no text and nothing but empty paragraphs. */
function isBlankRichText(state: unknown): boolean {
  let blank = true
  walkLexical(state, {
    enter: (node) => {
      const emptyText = node.type === 'text' && !node.text?.trim()
      if (!(node.type === 'root' || node.type === 'paragraph' || node.type === 'linebreak' || emptyText)) blank = false
    },
  })
  return blank
}
