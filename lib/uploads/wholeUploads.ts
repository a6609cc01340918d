import type { CollectionBeforeChangeHook } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { Refusal } from '@/lib/refusals/refusal'
import { onRollback } from '@/lib/sqlite/transactions'

/** Room kept free beyond the upload itself: SQLite needs some to record it. */
const HEADROOM = 1024 * 1024

type Sized = { filename?: string | null }

/** Every file a new upload is about to write: the file and each generated size. */
function filesOf(data: Record<string, unknown>): string[] {
  const sizes = Object.values((data.sizes as Record<string, Sized> | undefined) ?? {})
  return [data.filename, ...sizes.map((size) => size?.filename)].filter(
    (name): name is string => typeof name === 'string' && name.length > 0,
  )
}

function freeBytes(folder: string): number {
  try {
    const stats = fs.statfsSync(folder)
    return stats.bavail * stats.bsize
  } catch {
    // A folder that does not exist yet is made by Payload on the same disk as its parent.
    const parent = path.dirname(folder)
    return parent === folder ? Number.POSITIVE_INFINITY : freeBytes(parent)
  }
}

/**
 * An upload is stored whole or not at all. Payload writes the files (the upload and every size
 * generated from it) before it saves the record, so:
 * - a disk without room for all of them refuses the upload first (507, `storageFull`), and
 *   nothing is written;
 * - if writing a file fails anyway (the disk filled meanwhile) or saving the record does, the
 *   transaction rolls back and the files it wrote, a half-written one included, are removed.
 * A server killed between the two leaves files without a record: the next start removes them
 * (./orphanFiles.ts).
 */
export function wholeUploads(staticDir: string): CollectionBeforeChangeHook {
  return async ({ data, req }) => {
    if (!req.file) return data
    const sizes = Object.values(req.payloadUploadSizes ?? {}) as Array<Buffer | undefined>
    const needed = (req.file.size ?? 0) + sizes.reduce((sum, buffer) => sum + (buffer?.length ?? 0), 0)
    if (freeBytes(staticDir) < needed + HEADROOM) throw new Refusal(req, 'storageFull', 507)
    const files = filesOf(data).map((name) => path.join(staticDir, path.basename(name)))
    await onRollback(req, () => {
      for (const file of files) fs.rmSync(file, { force: true })
    })
    return data
  }
}
