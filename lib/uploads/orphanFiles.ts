import type { CollectionSlug, Payload } from 'payload'

import { fileStore } from './fileStore'
import { endedClaims } from './uploadClaims'

/**
 * How old a file without a record must be before it counts as cut off, unless the claim of an
 * upload whose process has ended says so sooner (./uploadClaims.ts). Any process may be
 * storing an upload whose record it has not committed yet, and every process that boots Payload
 * looks for cut-off files: each instance sharing a bucket, but also, beside one server on one
 * disk, a jobs worker, the seed script or a backup starting while an editor uploads. Ten minutes
 * is far longer than any upload takes from its files to its record.
 */
export const UNCLAIMED_AFTER_MS = 10 * 60 * 1000

type Stored = { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> | null }

async function namesOnRecord(payload: Payload, slug: CollectionSlug): Promise<Set<string>> {
  const names = new Set<string>()
  const { docs } = await payload.db.find<Stored>({ collection: slug, limit: 0, pagination: false })
  for (const doc of docs) {
    if (doc.filename) names.add(doc.filename)
    for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) names.add(size.filename)
  }
  return names
}

/**
 * Removes uploaded files that no record refers to: what an upload had written when its process
 * was killed before its record was saved (an upload that fails otherwise removes its own files,
 * see ./wholeUploads.ts). Run whenever Payload starts and hourly on the jobs queue
 * (jobs/removeOrphanFilesTask.ts); files of the collections' folders or bucket prefixes only,
 * only plain files directly inside them, and only files claimed by an upload whose process has
 * ended or older than any upload still under way (`now` decides, for tests). Returns
 * `<where>/<name>` of each file removed.
 */
export async function removeOrphanFiles(payload: Payload, now = new Date()): Promise<string[]> {
  const removed: string[] = []
  const ended = endedClaims()
  for (const { config } of Object.values(payload.collections)) {
    const store = fileStore(config)
    if (!store) continue
    try {
      const onRecord = await namesOnRecord(payload, config.slug as CollectionSlug)
      const unclaimed = (await store.list()).filter(
        (file) =>
          !onRecord.has(file.name) &&
          (ended.cutOff(store.where, file.name) || now.getTime() - file.modified.getTime() >= UNCLAIMED_AFTER_MS),
      )
      const names = unclaimed.map((file) => file.name)
      await store.remove(names)
      removed.push(...names.map((name) => `${store.where}/${name}`))
      await ended.settle(store.where)
    } catch (error) {
      // Housekeeping: a bucket that cannot be reached now is looked at again at the next start.
      payload.logger.error({ err: error, msg: `Uploads: could not look for files an upload cut off in ${store.where}` })
    }
  }
  if (removed.length > 0) {
    payload.logger.warn({ msg: 'Uploads: removed files no record refers to (an upload cut off)', files: removed })
  }
  return removed
}
