import type { PayloadRequest, UploadConfig, Where } from 'payload'

import { fileNotFound as notFound } from '@/lib/uploads/fileNotFound'
import { fileStore } from '@/lib/uploads/fileStore'
import { recordAudit } from '@/privacy/audit/recordAudit'
import { type PrivateCollection, uploadedFile } from '@/privacy/privateData'

type FileHandler = NonNullable<UploadConfig['handlers']>[number]
type FileHandlerArgs = Parameters<FileHandler>[1]

/**
 * Records every download of a private file (`GET /api/<collection>/file/<name>`), who and when,
 * in the audit log. Payload runs upload handlers after its own read-access check, so anonymous
 * visitors and staff without the right never reach this (403); for those who do, a name that
 * belongs to no document or no stored file is a 404, and everything else is logged, then served
 * by Payload's own file handler or the storage adapter's (this returns nothing, so it carries on).
 */
export function auditFileDownloads(collection: PrivateCollection): FileHandler {
  const handler = async (req: PayloadRequest, { params: { filename } }: FileHandlerArgs) => {
    // Read access already refused anonymous visitors; never serve a file nobody can be named for.
    if (!req.user) return notFound()
    const config = req.payload.collections[collection].config
    const names: Where[] = [{ filename: { equals: filename } }]
    for (const size of (config.upload && config.upload.imageSizes) || []) {
      names.push({ [`sizes.${size.name}.filename`]: { equals: filename } })
    }
    const doc = await req.payload.db.findOne<{ id: string | number }>({ collection, req, where: { or: names } })
    if (!doc) return notFound()
    // On the disk or in the private bucket (lib/uploads/fileStore.ts).
    if ((await fileStore(config)?.size(filename)) == null) return notFound()
    await recordAudit(req, { action: 'read', collection, id: String(doc.id), fields: [uploadedFile] })
    return undefined
  }
  // Payload's type spells "a Response, or nothing" as a union of promises.
  return handler as FileHandler
}
