import crypto from 'node:crypto'
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'

import { BackupError } from './BackupError'
import { backupKeyId } from './backupKey'

/**
 * The archive file: a 29-byte header, then a POSIX tar encrypted with AES-256-GCM,
 * then GCM's 16-byte authentication tag.
 *
 *   bytes 0-7    "VOICESBK"
 *   byte  8      format version (1)
 *   bytes 9-16   the key's id (backupKeyId), to tell a wrong key from a damaged archive
 *   bytes 17-28  the nonce, random for every archive
 *
 * The header is authenticated too (GCM's additional data), so changing any byte of the file is
 * noticed. Decryption writes to a file and reports success only once the tag checks out: no
 * byte of an archive is read as a tar before it is known to be the one that was written.
 */
const magic = Buffer.from('VOICESBK', 'latin1')
const formatVersion = 1
const nonceLength = 12
const keyIdLength = 8
const headerLength = magic.length + 1 + keyIdLength + nonceLength
const tagLength = 16

/** Encrypts what flows through it: a transform for stream.pipeline, from plaintext to archive. */
export function encryptArchive(key: Buffer): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  const nonce = crypto.randomBytes(nonceLength)
  const header = Buffer.concat([magic, Buffer.from([formatVersion]), backupKeyId(key), nonce])
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(header)
  return async function* encrypt(source) {
    yield header
    for await (const chunk of source) {
      const encrypted = cipher.update(chunk)
      if (encrypted.length > 0) yield encrypted
    }
    yield cipher.final()
    yield cipher.getAuthTag()
  }
}

/** Decrypts `archive` into `destination`, refusing a wrong key, a damaged or a changed archive. */
export async function decryptArchive(archive: string, key: Buffer, destination: string): Promise<void> {
  const size = (await fs.promises.stat(archive)).size
  const handle = await fs.promises.open(archive, 'r')
  const header = Buffer.alloc(headerLength)
  const tag = Buffer.alloc(tagLength)
  try {
    if (size <= headerLength + tagLength) throw notABackup(archive)
    await handle.read(header, 0, headerLength, 0)
    await handle.read(tag, 0, tagLength, size - tagLength)
  } finally {
    await handle.close()
  }
  if (!header.subarray(0, magic.length).equals(magic)) throw notABackup(archive)
  const version = header[magic.length]
  if (version !== formatVersion) {
    throw new BackupError(
      `${archive} is a Voices backup of format ${version}; this version of Voices reads format ${formatVersion}. ` +
        'Restore it with the version of Voices that made it.',
    )
  }
  const archiveKeyId = header.subarray(magic.length + 1, magic.length + 1 + keyIdLength)
  if (!archiveKeyId.equals(backupKeyId(key))) {
    throw new BackupError(
      `${archive} was encrypted with another VOICES_BACKUP_KEY (key id ${archiveKeyId.toString('hex')}; ` +
        `the key set now has id ${backupKeyId(key).toString('hex')}). Set the key it was made with.`,
    )
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, header.subarray(headerLength - nonceLength))
  decipher.setAAD(header)
  decipher.setAuthTag(tag)
  try {
    await pipeline(
      fs.createReadStream(archive, { start: headerLength, end: size - tagLength - 1 }),
      decipher,
      fs.createWriteStream(destination, { mode: 0o600 }),
    )
  } catch (error) {
    if (error instanceof Error && /authenticate/i.test(error.message)) {
      throw new BackupError(
        `${archive} does not authenticate: it was changed or damaged after it was made. Nothing was restored.`,
      )
    }
    throw error
  }
}

function notABackup(archive: string): BackupError {
  return new BackupError(`${archive} is not a Voices backup (npm run backup writes them).`)
}
