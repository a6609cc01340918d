import { objectStorage } from '@/lib/uploads/objectStorageSettings'

import { BackupError } from './BackupError'

/**
 * With object storage (S3_*), media and consent evidence live in buckets, and a backup holds the
 * SQLite database and the data folder only. An archive that looked whole but lacked every photo
 * and signed consent form would be found out only when it was needed, so the backup refuses
 * until the operator says, once, in the command she schedules, that the buckets are backed up
 * apart (`mc mirror`, docs/deploy.md): `--without-bucket-files`. Returns the buckets left out.
 */
export function bucketsLeftOut(acknowledged: boolean, command = 'npm run backup', flagged = `${command} --`): string[] {
  let storage
  try {
    storage = objectStorage()
  } catch (error) {
    throw new BackupError(error instanceof Error ? error.message : String(error))
  }
  if (!storage) return []
  const buckets = [...new Set([storage.bucket, storage.privateBucket])]
  if (!acknowledged) {
    throw new BackupError(
      `Media and consent evidence are kept in object storage (${buckets.join(' and ')}), which \`${command}\` ` +
        'does not carry: it holds the database and the data folder only. Copy the buckets with ' +
        '`mc mirror` (docs/deploy.md, "Backups"), then run ' +
        `\`${flagged} --without-bucket-files\`.`,
    )
  }
  return buckets
}
