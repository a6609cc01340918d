import { BackupError } from './BackupError'
import type { ArchivedFile } from './tarWriter'
import type { DatabaseSummary } from './database'

/**
 * `manifest.json`, the archive's last entry: what it holds and how to check it. Restore refuses
 * an archive whose files or database differ from it in any way.
 */
export type Manifest = {
  format: 'voices-backup'
  formatVersion: 1
  createdAt: string
  voicesVersion: string
  database: ArchivedFile &
    DatabaseSummary & {
      /** The newest migration applied: the schema the database is at. */
      migration: string | null
    }
  /** Every file of the data folder in the archive, with its size and SHA-256. */
  files: ArchivedFile[]
}

export function parseManifest(text: string): Manifest {
  let manifest: Partial<Manifest>
  try {
    manifest = JSON.parse(text) as Partial<Manifest>
  } catch {
    throw invalid('its manifest is not JSON')
  }
  if (manifest.format !== 'voices-backup' || manifest.formatVersion !== 1) throw invalid('unknown manifest format')
  const isFile = (file: unknown): file is ArchivedFile =>
    typeof file === 'object' &&
    file !== null &&
    typeof (file as ArchivedFile).path === 'string' &&
    typeof (file as ArchivedFile).size === 'number' &&
    /^[0-9a-f]{64}$/.test(String((file as ArchivedFile).sha256))
  if (!isFile(manifest.database) || typeof manifest.database.tables !== 'object') throw invalid('no database entry')
  if (!Array.isArray(manifest.files) || !manifest.files.every(isFile)) throw invalid('a malformed file list')
  return manifest as Manifest
}

function invalid(reason: string): BackupError {
  return new BackupError(`The archive's manifest is not valid (${reason}). Nothing was restored.`)
}
