import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import packageJson from '@/package.json'
import { BackupError } from '@/lib/backup/BackupError'
import { backupKey, backupKeyId } from '@/lib/backup/backupKey'
import { bucketsLeftOut } from '@/lib/backup/bucketFiles'
import { snapshotDatabase } from '@/lib/backup/database'
import { encryptArchive } from '@/lib/backup/encryption'
import { onInterrupt } from '@/lib/backup/onInterrupt'
import { archiveName, publishArchive } from '@/lib/backup/publishArchive'
import { sqliteFile } from '@/lib/backup/sqliteFile'
import { stageFiles } from '@/lib/backup/stageFiles'
import { tarWriter, type ArchivedFile } from '@/lib/backup/tarWriter'
import { databaseUri, dataDir, isMongoUri } from '@/lib/env'

import { bootPayload, transferConfig } from './bootPayload'
import { transferNames } from './contents'
import type { TransferManifest } from './manifest'
import { readDocuments } from './readDocuments'

export type ExportResult = {
  archive: string
  manifest: TransferManifest
  keyId: string
  skipped: string[]
  /** With object storage, the buckets whose files are not in the archive. */
  buckets: string[]
}

/**
 * Writes one encrypted archive of every document, version and file of the instance, in a form
 * any Voices database can load (`npm run transfer -- import`): `<outDir>/voices-transfer-<UTC
 * time>.tar.enc`. From SQLite it reads a snapshot taken at one moment, so the site can keep
 * running; from MongoDB it reads the live database, so stop editing first. Nothing is left
 * behind if it fails or is interrupted.
 */
export async function exportInstance(
  options: { outDir?: string; withoutBucketFiles?: boolean } = {},
): Promise<ExportResult> {
  const buckets = bucketsLeftOut(options.withoutBucketFiles ?? false, 'npm run transfer', 'npm run transfer -- export')
  const key = backupKey()
  const root = dataDir()
  const uri = databaseUri()
  const outDir = path.resolve(options.outDir ?? path.join(root, 'backups'))
  const live = isMongoUri(uri) ? null : sqliteFile(uri)
  if (live && !fs.existsSync(live)) throw new BackupError(`There is no database at ${live}: nothing to export.`)

  fs.mkdirSync(root, { recursive: true })
  fs.mkdirSync(outDir, { recursive: true })
  const staging = fs.mkdtempSync(path.join(root, '.transfer-'))
  const work = fs.mkdtempSync(path.join(root, '.transfer-work-'))
  const createdAt = new Date()
  const partial = path.join(outDir, `.${archiveName('voices-transfer', createdAt)}.partial-${path.basename(staging)}`)
  const cleanUp = () => {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(work, { recursive: true, force: true })
    fs.rmSync(partial, { force: true })
  }
  const stopWatching = onInterrupt(cleanUp)
  try {
    const skipped: string[] = []
    const staged = new Set<string>()
    // Files before and after the database is read, as a backup stages them (lib/backup/stageFiles.ts).
    stageFiles(root, staging, staged, skipped)
    let source = uri
    if (live) {
      const snapshot = path.join(work, 'snapshot.db')
      await snapshotDatabase(live, snapshot)
      source = `file:${snapshot}`
    }
    const payload = await bootPayload(await transferConfig({ databaseUri: source, dataDir: path.join(work, 'data') }))
    const documents = fs.mkdtempSync(path.join(work, 'documents-'))
    const { counts, files } = await readDocuments(payload, documents)
    await payload.destroy()
    stageFiles(root, staging, staged, skipped)

    const archived: ArchivedFile[] = []
    let manifest: TransferManifest | undefined
    const entries = [
      ...files.map((name) => ({ path: name, source: path.join(documents, name) })),
      ...[...staged].sort().map((relative) => ({ path: relative, source: path.join(staging, relative) })),
    ]
    const writeManifest = () => {
      manifest = {
        format: 'voices-transfer',
        formatVersion: 1,
        createdAt: createdAt.toISOString(),
        voicesVersion: packageJson.version,
        source: live ? 'sqlite' : 'mongodb',
        ...counts,
        entries: archived,
      }
      return { path: transferNames.manifest, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }
    }
    await pipeline(
      tarWriter(entries, archived, writeManifest),
      encryptArchive(key),
      fs.createWriteStream(partial, { mode: 0o600 }),
    )
    const archive = publishArchive(partial, outDir, 'voices-transfer', createdAt)
    return { archive, manifest: manifest!, keyId: backupKeyId(key).toString('hex'), skipped, buckets }
  } finally {
    stopWatching()
    cleanUp()
  }
}
