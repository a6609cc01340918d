/**
 * One encrypted archive of the SQLite database and every file of the instance, taken while the
 * site keeps running. Needs VOICES_BACKUP_KEY (see Backups in the README).
 *
 *   npm run backup                      write <VOICES_DATA_DIR>/backups/voices-backup-<UTC time>.tar.enc
 *   npm run backup -- --out <folder>    write it into another folder
 *   npm run backup -- --without-bucket-files
 *                                       with object storage (S3_*): the database and data folder,
 *                                       the buckets being backed up apart (docs/deploy.md)
 */
import nextEnv from '@next/env'

import { BackupError } from '@/lib/backup/BackupError'
import { createBackup } from '@/lib/backup/createBackup'

// Read .env files the way Next.js does, so the backup sees the server's data folder and database.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const withoutBucketFiles = process.argv.includes('--without-bucket-files')
const args = process.argv.slice(2).filter((arg) => arg !== '--without-bucket-files')
const outAt = args.indexOf('--out')
const out = outAt >= 0 ? args[outAt + 1] : undefined
if (args.length !== (outAt >= 0 ? 2 : 0) || (outAt >= 0 && (!out || out.startsWith('--')))) {
  console.error(`Usage: npm run backup [-- --out <folder>] [--without-bucket-files]  (got: ${args.join(' ')})`)
  process.exit(2)
}

try {
  const started = Date.now()
  const { archive, manifest, keyId, skipped, buckets } = await createBackup({ outDir: out, withoutBucketFiles })
  const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0)
  const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0)
  console.log(`Voices: backed up ${rows} rows in ${Object.keys(manifest.database.tables).length} tables`)
  console.log(`  and ${manifest.files.length} files (${(bytes / 1e6).toFixed(1)} MB)`)
  console.log(`  into ${archive}`)
  console.log(
    `  encrypted with the VOICES_BACKUP_KEY of id ${keyId}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
  for (const entry of skipped) console.warn(`Voices: left out ${entry}: not a plain file.`)
  for (const bucket of buckets) console.warn(`Voices: the files in the bucket ${bucket} are NOT in this archive.`)
} catch (error) {
  console.error(error instanceof BackupError ? `Voices: ${error.message}` : error)
  process.exit(1)
}
