import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import packageJson from '@/package.json'
import { dataDir } from '@/lib/env'

import { BackupError } from './BackupError'
import { backupKey, backupKeyId } from './backupKey'
import { bucketsLeftOut } from './bucketFiles'
import { archiveNames } from './contents'
import { snapshotDatabase, summarizeDatabase } from './database'
import { encryptArchive } from './encryption'
import type { Manifest } from './manifest'
import { onInterrupt } from './onInterrupt'
import { archiveName, publishArchive } from './publishArchive'
import { sqliteFile } from './sqliteFile'
import { stageFiles } from './stageFiles'
import { tarWriter, type ArchivedFile } from './tarWriter'

export type BackupResult = {
  archive: string
  manifest: Manifest
  keyId: string
  /** Entries of the backed-up folders that are not plain files (symbolic links…), left out. */
  skipped: string[]
  /** The buckets media and consent evidence are kept in, with object storage: not in the archive. */
  buckets: string[]
}

/**
 * Writes one encrypted archive of the database and every file of the instance, while the server
 * keeps running: `<outDir>/voices-backup-<UTC time>.tar.enc` (outDir defaults to
 * `<VOICES_DATA_DIR>/backups`). Nothing is left behind if it fails or is interrupted.
 */
export async function createBackup(
  options: { outDir?: string; withoutBucketFiles?: boolean } = {},
): Promise<BackupResult> {
  const buckets = bucketsLeftOut(options.withoutBucketFiles ?? false)
  const key = backupKey()
  const live = sqliteFile()
  const root = dataDir()
  const outDir = path.resolve(options.outDir ?? path.join(root, 'backups'))
  if (!fs.existsSync(live)) throw new BackupError(`There is no database at ${live}: nothing to back up.`)

  fs.mkdirSync(root, { recursive: true })
  fs.mkdirSync(outDir, { recursive: true })
  // Staged in the data folder itself, so files can be hard-linked rather than copied.
  const staging = fs.mkdtempSync(path.join(root, '.backup-'))
  const createdAt = new Date()
  const partial = path.join(outDir, `.${archiveName('voices-backup', createdAt)}.partial-${path.basename(staging)}`)
  const cleanUp = () => {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(partial, { force: true })
  }
  const stopWatching = onInterrupt(cleanUp)
  try {
    const skipped: string[] = []
    const staged = new Set<string>()
    stageFiles(root, staging, staged, skipped)
    const snapshot = path.join(staging, archiveNames.database)
    await snapshotDatabase(live, snapshot)
    stageFiles(root, staging, staged, skipped)
    const summary = await summarizeDatabase(snapshot)

    const archived: ArchivedFile[] = []
    let manifest: Manifest | undefined
    const entries = [
      { path: archiveNames.database, source: snapshot },
      ...[...staged].sort().map((relative) => ({ path: relative, source: path.join(staging, relative) })),
    ]
    const writeManifest = () => {
      const [database, ...files] = archived
      manifest = {
        format: 'voices-backup',
        formatVersion: 1,
        createdAt: createdAt.toISOString(),
        voicesVersion: packageJson.version,
        database: { ...database!, ...summary, migration: summary.migrations.at(-1) ?? null },
        files,
      }
      return { path: archiveNames.manifest, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }
    }
    // Not compressed: images, the bulk of it, are compressed already, and gzip would cost ten
    // times the rest of the work together for a few megabytes of database text.
    await pipeline(
      tarWriter(entries, archived, writeManifest),
      encryptArchive(key),
      fs.createWriteStream(partial, { mode: 0o600 }),
    )
    const archive = publishArchive(partial, outDir, 'voices-backup', createdAt)
    return { archive, manifest: manifest!, keyId: backupKeyId(key).toString('hex'), skipped, buckets }
  } finally {
    stopWatching()
    cleanUp()
  }
}
