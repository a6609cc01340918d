import type { CollectionSlug, Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

type Stored = { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> | null }

/** The upload collections and the folder each keeps its files in. */
function uploadFolders(payload: Payload): Array<{ slug: CollectionSlug; staticDir: string }> {
  return Object.values(payload.collections)
    .map(({ config }) => ({ slug: config.slug as CollectionSlug, staticDir: config.upload?.staticDir }))
    .filter((c): c is { slug: CollectionSlug; staticDir: string } => typeof c.staticDir === 'string')
}

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
 * Removes uploaded files that no record refers to: what an upload had written when the server
 * was killed before its record was saved (an upload that fails otherwise removes its own files,
 * see ./wholeUploads.ts). Run as the server starts, before it accepts any upload; files of the
 * collections' folders only, and only plain files directly inside them.
 */
export async function removeOrphanFiles(payload: Payload): Promise<string[]> {
  const removed: string[] = []
  for (const { slug, staticDir } of uploadFolders(payload)) {
    if (!fs.existsSync(staticDir)) continue
    const onRecord = await namesOnRecord(payload, slug)
    for (const entry of fs.readdirSync(staticDir, { withFileTypes: true })) {
      if (!entry.isFile() || onRecord.has(entry.name)) continue
      fs.rmSync(path.join(staticDir, entry.name), { force: true })
      removed.push(path.join(path.basename(staticDir), entry.name))
    }
  }
  if (removed.length > 0) {
    payload.logger.warn({ msg: 'Uploads: removed files no record refers to (an upload cut off)', files: removed })
  }
  return removed
}
