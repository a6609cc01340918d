import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { databaseUri, isMongoUri } from '@/lib/env'

import { BackupError } from './BackupError'

/**
 * The SQLite file behind DATABASE_URI (by default `<VOICES_DATA_DIR>/voices.db`). Backups copy
 * the database through SQLite itself, so they work on a file database only.
 */
export function sqliteFile(uri: string = databaseUri()): string {
  if (isMongoUri(uri)) {
    throw new BackupError(
      '`npm run backup` and `npm run restore` support the SQLite database only. With MongoDB, back up the ' +
        'database with `mongodump` and restore it with `mongorestore`, and copy the media, private and outbox ' +
        'folders of VOICES_DATA_DIR beside it (see Backups in the README).',
    )
  }
  if (!uri.startsWith('file:')) {
    throw new BackupError(`DATABASE_URI is ${uri}: backups work on a local SQLite file (file:…) only.`)
  }
  const withoutQuery = uri.replace(/[?#].*$/, '')
  if (withoutQuery.startsWith('file://')) return fileURLToPath(withoutQuery)
  return path.resolve(withoutQuery.slice('file:'.length))
}
