import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from '@/lib/env'

import { BackupError } from './BackupError'
import { backupKey, backupKeyId } from './backupKey'
import { backedUpFolders } from './contents'
import { contentRows } from './database'
import { decryptArchive } from './encryption'
import { listFiles } from './files'
import type { Manifest } from './manifest'
import { onInterrupt } from './onInterrupt'
import { replaceInstance } from './replaceInstance'
import { unpack } from './unpack'
import { sqliteFile } from './sqliteFile'
import { verifyTree } from './verifyTree'

export type RestoreResult = {
  manifest: Manifest
  keyId: string
  replaced: string | null
  root: string
  database: string
}

/**
 * Loads an archive written by createBackup into the configured instance (VOICES_DATA_DIR and
 * DATABASE_URI). An instance that already has content is replaced only with `force`. The
 * archive is decrypted, unpacked and checked in full in a folder of its own first; the instance
 * is touched only once all of it checks out, so a wrong key, a damaged or changed archive, or an
 * interruption before then leaves everything as it was.
 */
export async function restoreBackup(archiveArgument: string, options: { force: boolean }): Promise<RestoreResult> {
  const key = backupKey()
  const database = sqliteFile()
  const root = dataDir()
  const archive = path.resolve(archiveArgument)
  if (!fs.statSync(archive, { throwIfNoEntry: false })?.isFile()) throw new BackupError(`There is no file ${archive}.`)

  const existing = await existingContent(root, database)
  if (existing && !options.force) {
    throw new BackupError(
      `The instance already has content (${existing}). Restoring replaces all of it: stop Voices (the server ` +
        'and any jobs worker) and run the restore again with --force.',
    )
  }

  const createdRoot = !fs.existsSync(root)
  fs.mkdirSync(root, { recursive: true })
  const staging = fs.mkdtempSync(path.join(root, '.restore-'))
  const replaced = path.join(staging, 'replaced')
  const cleanUp = () => {
    // Left only if putting the old instance back failed: then it is the one copy of it.
    if (fs.existsSync(replaced) && fs.readdirSync(replaced).length > 0) return
    fs.rmSync(staging, { recursive: true, force: true })
    if (createdRoot && fs.readdirSync(root).length === 0) fs.rmdirSync(root)
  }
  const stopWatching = onInterrupt(cleanUp)
  try {
    const decrypted = path.join(staging, 'archive.tar')
    await decryptArchive(archive, key, decrypted)
    const tree = path.join(staging, 'tree')
    await unpack(decrypted, tree)
    fs.rmSync(decrypted)
    const manifest = await verifyTree(tree)
    // Synchronous renames: Ctrl-C is handled before or after them, never halfway through.
    replaceInstance({ root, database, tree, aside: replaced })
    return { manifest, keyId: backupKeyId(key).toString('hex'), replaced: existing, root, database }
  } finally {
    stopWatching()
    cleanUp()
  }
}

/** What the instance already holds, in words, or null when it is empty. */
async function existingContent(root: string, database: string): Promise<string | null> {
  const parts: string[] = []
  if (fs.existsSync(database)) {
    try {
      const rows = await contentRows(database)
      const total = Object.values(rows).reduce((sum, n) => sum + n, 0)
      if (total > 0) parts.push(`${total} rows in ${Object.keys(rows).length} tables of ${database}`)
    } catch {
      parts.push(`${database}, which is not a readable database`)
    }
  }
  for (const folder of backedUpFolders) {
    const files = listFiles(root, [folder]).length
    if (files > 0) parts.push(`${files} files in ${path.join(root, folder)}`)
  }
  return parts.length > 0 ? parts.join(', ') : null
}
