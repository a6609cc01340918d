import type { CollectionBeforeChangeHook } from 'payload'

import path from 'node:path'

import { Refusal } from '@/lib/refusals/refusal'
import { afterCommit, onRollback } from '@/lib/sqlite/transactions'

import { fileStore } from './fileStore'
import { claimUpload } from './uploadClaims'

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

/**
 * An upload is stored whole or not at all. Payload writes the files (the upload and every size
 * generated from it) to the disk before it saves the record, and the storage adapter writes them
 * to object storage just after, inside the same transaction. So:
 * - a disk without room for all of them refuses the upload first (507, `storageFull`), and
 *   nothing is written;
 * - if writing a file fails anyway (the disk filled meanwhile, the bucket refused) or saving the
 *   record does, the transaction rolls back and the files it wrote, a half-written one included,
 *   are removed.
 * A server killed between the two leaves files without a record: they are removed as the next
 * server starts, which knows them for cut off by the claim this upload left (./uploadClaims.ts),
 * or else once they are ten minutes old (./orphanFiles.ts).
 */
export const wholeUploads: CollectionBeforeChangeHook = async ({ collection, data, req }) => {
  if (!req.file) return data
  const store = fileStore(collection)
  if (!store) return data
  const sizes = Object.values(req.payloadUploadSizes ?? {}) as Array<Buffer | undefined>
  const needed = (req.file.size ?? 0) + sizes.reduce((sum, buffer) => sum + (buffer?.length ?? 0), 0)
  if (store.freeBytes() < needed + HEADROOM) throw new Refusal(req, 'storageFull', 507)
  const names = filesOf(data).map((name) => path.basename(name))
  // Outside a transaction Voices follows (MongoDB), nothing would take a claim back at the right
  // moment, so such an upload leaves none and its files wait for the ten minutes.
  const claim: { release?: () => Promise<void> } = {}
  const undo = async () => {
    await store.remove(names)
    await claim.release?.()
  }
  if (!(await onRollback(req, undo))) return data
  try {
    claim.release = await claimUpload(store.where, names)
  } catch (error) {
    // The claim only lets a restart clear a cut-off upload sooner; without it, the upload goes on
    // and a cut-off one's files wait for the ten minutes.
    req.payload.logger.warn({ err: error, msg: 'Uploads: could not leave a claim on an upload under way' })
    return data
  }
  await afterCommit(req, claim.release)
  return data
}
