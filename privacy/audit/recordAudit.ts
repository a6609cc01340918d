import type { PayloadRequest } from 'payload'

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'erase'

/** Appends one entry to the audit log, inside the request's transaction when there is one. */
export async function recordAudit(
  req: PayloadRequest,
  entry: { action: AuditAction; collection: string; id: string; fields: string[] },
): Promise<void> {
  const { locale, fallbackLocale } = req
  try {
    await req.payload.create({
      collection: 'audit-log',
      data: {
        at: new Date().toISOString(),
        user: req.user?.id,
        action: entry.action,
        documentCollection: entry.collection,
        document: entry.id,
        fields: entry.fields,
        summary: `${req.user?.email ?? 'system'} ${entry.action} ${entry.collection} ${entry.id}: ${entry.fields.join(', ')}`,
      },
      overrideAccess: true,
      req,
      context: { audit: true },
    })
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
