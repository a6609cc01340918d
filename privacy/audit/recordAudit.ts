import type { PayloadRequest } from 'payload'

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'erase'

export type AuditEntry = {
  action: AuditAction
  collection: string
  /** Field names only (see privacy/privateData.ts), never values. */
  fields: string[]
} & ({ id: string } | { ids: string[] })

/**
 * Appends one entry to the audit log: who (the request's user), what (action, collection,
 * documents, field names) and when. It never records a value.
 *
 * Written inside the request's transaction when it has one, so a write and its entry stand or
 * fall together, but it never starts or commits one itself: reads are audited from hooks that
 * run mid-request (relationship population, parallel GraphQL resolvers), where taking over the
 * request's transaction would disturb the operation around it. Nor does it touch the request's
 * context, which Payload would keep for the rest of the request.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const ids = 'ids' in entry ? entry.ids : [entry.id]
  const { locale, fallbackLocale } = req
  try {
    await req.payload.create({
      collection: 'audit-log',
      data: {
        at: new Date().toISOString(),
        user: req.user?.id,
        action: entry.action,
        documentCollection: entry.collection,
        // `document` for entries about one document (most writes, single reads); `documents`
        // always lists every one, for list reads and relationship population.
        document: ids.length === 1 ? ids[0] : undefined,
        documents: ids,
        fields: entry.fields,
        summary: `${req.user?.email ?? 'system'} ${entry.action} ${entry.collection} ${
          ids.length === 1 ? ids[0] : `(${ids.length} documents)`
        }: ${entry.fields.join(', ')}`,
      },
      overrideAccess: true,
      disableTransaction: true,
      // Nothing of the entry is needed back; not even the user relationship is populated.
      select: { at: true },
      req,
    })
  } finally {
    // The local API sets the request's locale for the entry; put back the reader's.
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
