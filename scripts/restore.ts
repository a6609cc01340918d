/**
 * Loads an archive written by `npm run backup` into the configured instance (VOICES_DATA_DIR,
 * DATABASE_URI). Refuses an instance that has content unless told --force; stop Voices first.
 *
 *   npm run restore -- <archive>            into an empty instance
 *   npm run restore -- <archive> --force    replacing the instance's database and files
 */
import nextEnv from '@next/env'

import { BackupError } from '@/lib/backup/BackupError'
import { restoreBackup } from '@/lib/backup/restoreBackup'

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const args = process.argv.slice(2)
const force = args.includes('--force')
const archives = args.filter((arg) => arg !== '--force')
if (archives.length !== 1 || archives[0]!.startsWith('--') || args.length > 2) {
  console.error(`Usage: npm run restore -- <archive> [--force]  (got: ${args.join(' ')})`)
  process.exit(2)
}

try {
  const { manifest, replaced, root, database } = await restoreBackup(archives[0]!, { force })
  const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0)
  if (replaced) console.log(`Voices: replaced what the instance held (${replaced}).`)
  console.log(`Voices: restored the backup of ${manifest.createdAt} (Voices ${manifest.voicesVersion},`)
  console.log(
    `  schema at migration ${manifest.database.migration ?? 'none'}): ${rows} rows and ${manifest.files.length} files,`,
  )
  console.log(`  into ${database} and ${root}.`)
  if (!manifest.files.some((file) => file.path === '.payload-secret')) {
    console.log(
      'Voices: the backed-up instance took PAYLOAD_SECRET from its environment. Run this one with the same ' +
        'PAYLOAD_SECRET, or subscribers’ confirm and unsubscribe links stop working.',
    )
  }
} catch (error) {
  console.error(error instanceof BackupError ? `Voices: ${error.message}` : error)
  process.exit(1)
}
