import type { CollectionSlug, PayloadRequest, Where } from 'payload'

/** A document of a collection, or a global, as a lock names it. */
export type LockTarget = { document?: { relationTo?: unknown; value?: unknown } | null; globalSlug?: unknown }

/**
 * Whether the signed-in user may update what the lock names, by the collection's or global's
 * own update rule (a query counts when the document matches it). Nothing named, or a name
 * Voices does not have, is no.
 */
export async function mayEditDocument(req: PayloadRequest, target: LockTarget): Promise<boolean> {
  if (!req.user) return false
  if (typeof target.globalSlug === 'string' && target.globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === target.globalSlug)
    return Boolean(global && (await global.access.update({ req })))
  }
  const slug = target.document?.relationTo
  const raw = target.document?.value
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : raw
  if (typeof slug !== 'string' || (typeof id !== 'string' && typeof id !== 'number')) return false
  const collection = req.payload.collections[slug as CollectionSlug]
  if (!collection) return false
  const rule = await collection.config.access.update({ req, id: String(id) })
  if (typeof rule === 'boolean') return rule
  const where: Where = { and: [{ id: { equals: id } }, rule as Where] }
  const { totalDocs } = await req.payload.count({
    collection: slug as CollectionSlug,
    where,
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
