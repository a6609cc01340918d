import crypto from 'node:crypto'

import { BackupError } from './BackupError'

const howToCreate =
  'Create a key with `openssl rand -hex 32`, keep it where the backups are not (a password manager, ' +
  'a second safe place), and set VOICES_BACKUP_KEY to it.'

/**
 * The key every backup is encrypted with: VOICES_BACKUP_KEY, 32 random bytes written as 64 hex
 * digits or in base64. A passphrase is refused rather than stretched: a key made by `openssl rand`
 * cannot be guessed, and refusing anything shorter keeps it that way.
 */
export function backupKey(): Buffer {
  const written = process.env.VOICES_BACKUP_KEY?.trim()
  if (!written) {
    throw new BackupError(
      'VOICES_BACKUP_KEY is not set. Backups hold participants’ real names, consent records and consent ' +
        `evidence, so Voices writes and reads them only encrypted. ${howToCreate}`,
    )
  }
  if (/^[0-9a-f]{64}$/i.test(written)) return Buffer.from(written, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(written)) {
    const key = Buffer.from(written, 'base64')
    if (key.length === 32) return key
  }
  throw new BackupError(
    `VOICES_BACKUP_KEY must be 32 random bytes, written as 64 hex digits or in base64. ${howToCreate}`,
  )
}

/**
 * A short public name for a key, written into each archive's header and printed by both
 * commands, so an operator can tell which key an archive needs. It reveals nothing of the key.
 */
export function backupKeyId(key: Buffer): Buffer {
  return crypto.createHmac('sha256', key).update('voices backup key id').digest().subarray(0, 8)
}
