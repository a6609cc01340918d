import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterReadHook } from 'payload'

import { recordAudit } from '@/privacy/audit/recordAudit'
import { hasRole } from '@/lib/roles'

/**
 * Audit hooks for a collection holding private fields (real or legal names, notes, consent).
 * Reads are recorded when someone allowed to see those fields opens a document; writes when any
 * of them changes. Reads made by Voices itself (no user) are not staff reads and are not logged.
 */
export function auditPrivateData(collection: 'participants' | 'leaders', privateFields: string[]) {
  const afterRead: CollectionAfterReadHook = async ({ doc, req, findMany }) => {
    if (findMany || !req.user || !hasRole(req.user, 'admin', 'safeguarding') || req.context.audit) return doc
    const shown = privateFields.filter((field) => doc[field] !== undefined && doc[field] !== null)
    if (shown.length > 0) await recordAudit(req, { action: 'read', collection, id: String(doc.id), fields: shown })
    return doc
  }
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
    // Only safeguarding staff and admins can change these fields at all.
    if (!req.user || !hasRole(req.user, 'admin', 'safeguarding')) return doc
    const changed = privateFields.filter(
      (field) => JSON.stringify(doc[field] ?? null) !== JSON.stringify(previousDoc?.[field] ?? null),
    )
    if (changed.length > 0 && !req.context.erasing) {
      await recordAudit(req, { action: operation, collection, id: String(doc.id), fields: changed })
    }
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (!req.user) return doc
    await recordAudit(req, { action: 'delete', collection, id: String(doc.id), fields: privateFields })
    return doc
  }
  return { afterRead, afterChange, afterDelete }
}
