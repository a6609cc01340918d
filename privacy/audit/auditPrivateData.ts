import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  PayloadRequest,
} from 'payload'

import { hasRole } from '@/lib/roles'
import { recordAudit } from '@/privacy/audit/recordAudit'
import { type PrivateCollection, privateFieldsChanged, privateFieldsIn, privateFieldsOf } from '@/privacy/privateData'

type Operation = Parameters<CollectionAfterOperationHook>[0]

/** The documents an operation hands back to whoever asked. Deletes are logged as deletes. */
function documentsReturned({ operation, result }: Operation): unknown[] {
  switch (operation) {
    case 'find':
    case 'update':
      return (result as { docs?: unknown[] } | null)?.docs ?? []
    case 'findByID':
    case 'create':
    case 'updateByID':
      return result ? [result] : []
    default:
      return []
  }
}

/**
 * Reads by Voices itself are not a person reading: no user (the public site's name lookups, jobs),
 * `context.audit` (code that records its own entry, like erasure), or access overridden. Payload's
 * admin, REST and GraphQL always read with access enforced; only Voices' own code (the consent gate,
 * takedown, name lookups) overrides it, and it hands on what it derives, never the values.
 */
function isVoicesOwnRead(req: PayloadRequest, overrideAccess: boolean | undefined): boolean {
  // REST and GraphQL leave `overrideAccess` unset, which Payload reads as access enforced.
  return !req.user || Boolean(req.context.audit) || overrideAccess === true
}

/**
 * Audit hooks for a collection holding private data, driven by its declaration in
 * privacy/privateData.ts.
 *
 * Reads: one entry per operation that hands private values to a person (a list, a single
 * document, the documents a relationship populates, a write's response), naming the documents
 * and the private fields they carried. `afterOperation` sees the result after field access has
 * removed what the reader may not see, so an editor's read carries no private field and leaves
 * no entry; Payload runs it for every find, including the finds its dataloader makes to populate
 * relationships (depth > 0, GraphQL), so those are logged under the population's own entry.
 *
 * Writes: an entry when a private field changes, and for every delete.
 */
export function auditPrivateData(collection: PrivateCollection) {
  const afterOperation: CollectionAfterOperationHook = async (args) => {
    const { req, overrideAccess, result } = args
    if (isVoicesOwnRead(req, overrideAccess)) return result
    const ids: string[] = []
    const shown = new Set<string>()
    for (const doc of documentsReturned(args)) {
      const fields = privateFieldsIn(collection, doc)
      if (fields.length === 0) continue
      ids.push(String((doc as { id: unknown }).id))
      for (const field of fields) shown.add(field)
    }
    if (ids.length > 0) {
      const fields = privateFieldsOf(collection).filter((field) => shown.has(field))
      await recordAudit(req, { action: 'read', collection, ids, fields })
    }
    return result
  }

  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
    // Only safeguarding staff and admins can change these fields at all; erasure logs itself.
    if (!req.user || !hasRole(req.user, 'admin', 'safeguarding') || req.context.erasing) return doc
    const changed = privateFieldsChanged(collection, doc, operation === 'create' ? null : previousDoc)
    if (changed.length > 0)
      await recordAudit(req, { action: operation, collection, id: String(doc.id), fields: changed })
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (!req.user) return doc
    await recordAudit(req, { action: 'delete', collection, id: String(doc.id), fields: privateFieldsOf(collection) })
    return doc
  }

  return { afterOperation, afterChange, afterDelete }
}
