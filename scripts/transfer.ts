/**
 * Moves an instance's content to another database: every document in every locale, every
 * version and every file, into an encrypted archive and out again. The way from the embedded
 * SQLite database to MongoDB (docs/deploy.md, "Moving from SQLite to MongoDB"). Needs
 * VOICES_BACKUP_KEY, the key backups use.
 *
 *   npm run transfer -- export [--out <folder>]   write <VOICES_DATA_DIR>/backups/voices-transfer-<UTC time>.tar.enc
 *                              [--without-bucket-files]   with object storage (S3_*), whose buckets are copied apart
 *   npm run transfer -- import <archive>          load it into the configured, empty, instance
 *   npm run transfer -- import <archive> --new-ids   …giving every document a new id (always done
 *                                                   into MongoDB from SQLite, whose ids it cannot keep)
 */
import nextEnv from '@next/env'

// As in the seed script: keep Node alive while modules load; the script ends with process.exit.
setInterval(() => undefined, 60_000)

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { BackupError } = await import('@/lib/backup/BackupError')

const usage =
  'Usage: npm run transfer -- export [--out <folder>] [--without-bucket-files] | ' +
  'npm run transfer -- import <archive> [--new-ids]'
const [command, ...given] = process.argv.slice(2)
const flag = command === 'import' ? '--new-ids' : '--without-bucket-files'
const flagged = given.includes(flag)
const rest = given.filter((arg) => arg !== flag)
const out = rest[0] === '--out' && rest.length === 2 && !rest[1]!.startsWith('--') ? rest[1] : undefined
const exportArgs = command === 'export' && (rest.length === 0 || out !== undefined)
const importArgs = command === 'import' && rest.length === 1 && !rest[0]!.startsWith('--')
if (!exportArgs && !importArgs) {
  console.error(`${usage}  (got: ${process.argv.slice(2).join(' ')})`)
  process.exit(2)
}

try {
  const started = Date.now()
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  if (command === 'export') {
    const { exportInstance } = await import('@/lib/transfer/exportInstance')
    const { archive, manifest, keyId, skipped, buckets } = await exportInstance({
      outDir: out,
      withoutBucketFiles: flagged,
    })
    console.log(`Voices: exported ${describe(manifest)}`)
    console.log(`  into ${archive}`)
    console.log(`  encrypted with the VOICES_BACKUP_KEY of id ${keyId}, in ${seconds()}.`)
    for (const entry of skipped) console.warn(`Voices: left out ${entry}: not a plain file.`)
    if (buckets.length > 0)
      console.log(`Voices: the files in ${buckets.join(' and ')} are not in it; copy them with mc mirror.`)
  } else {
    const { importInstance } = await import('@/lib/transfer/importInstance')
    const { manifest, newIds: moved, root } = await importInstance(rest[0]!, { newIds: flagged })
    console.log(
      `Voices: imported the export of ${manifest.createdAt} (Voices ${manifest.voicesVersion}, from ${manifest.source}):`,
    )
    console.log(`  ${describe(manifest)}, into ${root}, in ${seconds()}.`)
    const { objectStorage } = await import('@/lib/uploads/objectStorageSettings')
    if (objectStorage()) {
      console.log(
        `Voices: this instance keeps uploads in object storage. Copy ${root}/media and ${root}/private/consent-evidence ` +
          'into the buckets with mc mirror (docs/deploy.md, "Object storage") before starting it.',
      )
    }
    if (moved) console.log('  Every document has a new id, and every reference was rewritten to it.')
    console.log(
      'Voices: run this instance with the PAYLOAD_SECRET of the one exported, or sessions and mailed links stop working.',
    )
  }
  process.exit(0)
} catch (error) {
  console.error(error instanceof BackupError ? `Voices: ${error.message}` : error)
  process.exit(1)
}

function describe(manifest: import('@/lib/transfer/manifest').TransferManifest): string {
  const documents = Object.values(manifest.collections).reduce((sum, c) => sum + c.documents, 0)
  const versions =
    Object.values(manifest.collections).reduce((sum, c) => sum + c.versions, 0) +
    Object.values(manifest.globals).reduce((sum, g) => sum + g.versions, 0)
  const files = manifest.entries.filter(
    (entry) => !/^(documents|versions|global-versions)\/|^globals\.ndjson$/.test(entry.path),
  )
  return `${documents} documents, ${versions} versions and ${files.length} files`
}
