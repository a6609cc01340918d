import { BackupError } from '@/lib/backup/BackupError'
import type { ArchivedFile } from '@/lib/backup/tarWriter'

/**
 * `transfer.json`, the archive's last entry: what the transfer holds and how to check it. An
 * import refuses an archive that differs from it in any way, before it writes anything.
 */
export type TransferManifest = {
  format: 'voices-transfer'
  formatVersion: 1
  createdAt: string
  voicesVersion: string
  /** The database it was exported from: `sqlite` or `mongodb`. */
  source: string
  /** Documents and versions per collection, and versions per global. */
  collections: Record<string, { documents: number; versions: number }>
  globals: Record<string, { versions: number }>
  /** Every entry of the archive but this one, with its size and SHA-256. */
  entries: ArchivedFile[]
}

export function parseTransferManifest(text: string): TransferManifest {
  let manifest: Partial<TransferManifest>
  try {
    manifest = JSON.parse(text) as Partial<TransferManifest>
  } catch {
    throw invalid('its manifest is not JSON')
  }
  if (manifest.format !== 'voices-transfer' || manifest.formatVersion !== 1) throw invalid('not a Voices transfer')
  const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0
  const counts = Object.values(manifest.collections ?? {})
  if (!manifest.collections || !counts.every((c) => isCount(c?.documents) && isCount(c?.versions))) {
    throw invalid('malformed collection counts')
  }
  if (!manifest.globals || !Object.values(manifest.globals).every((g) => isCount(g?.versions))) {
    throw invalid('malformed global counts')
  }
  const isEntry = (entry: unknown): entry is ArchivedFile =>
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as ArchivedFile).path === 'string' &&
    isCount((entry as ArchivedFile).size) &&
    /^[0-9a-f]{64}$/.test(String((entry as ArchivedFile).sha256))
  if (!Array.isArray(manifest.entries) || !manifest.entries.every(isEntry)) throw invalid('a malformed entry list')
  return manifest as TransferManifest
}

function invalid(reason: string): BackupError {
  return new BackupError(`The archive is not a valid transfer (${reason}). Nothing was changed.`)
}
