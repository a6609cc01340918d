import fs from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'

import { BackupError } from './BackupError'
import { archiveNames, backedUpFiles, backedUpFolders } from './contents'
import { integrityCheck, summarizeDatabase } from './database'
import { sha256File } from './files'
import { parseManifest, type Manifest } from './manifest'

/**
 * Checks an unpacked archive against its manifest before anything of it is put in place: exactly
 * the files it lists (plain files only, each inside what a backup may hold), each with its size
 * and SHA-256; a database that passes SQLite's integrity check with the row counts listed.
 */
export async function verifyTree(tree: string): Promise<Manifest> {
  const manifestFile = path.join(tree, archiveNames.manifest)
  if (!fs.existsSync(manifestFile)) throw mismatch('it has no manifest')
  const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'))

  for (const file of manifest.files) {
    if (!mayHold(file.path)) throw mismatch(`it lists ${JSON.stringify(file.path)}, which a backup never holds`)
  }
  const expected = new Set([archiveNames.manifest, archiveNames.database, ...manifest.files.map((file) => file.path)])
  const found = filesIn(tree)
  const extra = found.filter((file) => !expected.has(file))
  const missing = [...expected].filter((file) => !found.includes(file))
  if (extra.length > 0) throw mismatch(`it holds ${extra[0]}, which its manifest does not list`)
  if (missing.length > 0) throw mismatch(`${missing[0]} is missing`)

  const database = { ...manifest.database, path: archiveNames.database }
  for (const file of [database, ...manifest.files]) {
    const absolute = path.join(tree, file.path)
    if (fs.statSync(absolute).size !== file.size || (await sha256File(absolute)) !== file.sha256) {
      throw mismatch(`${file.path} is not the file that was backed up`)
    }
  }
  const snapshot = path.join(tree, archiveNames.database)
  const integrity = await integrityCheck(snapshot)
  if (integrity !== 'ok') throw mismatch(`its database fails SQLite's integrity check: ${integrity}`)
  const { tables } = await summarizeDatabase(snapshot)
  if (!isDeepStrictEqual(tables, manifest.database.tables)) throw mismatch('its database holds other rows than listed')
  return manifest
}

/** Only the folders and files a backup holds, with no way out of them. */
export function mayHold(relative: string): boolean {
  const parts = relative.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) return false
  if (parts.length === 1) return (backedUpFiles as readonly string[]).includes(relative)
  return (backedUpFolders as readonly string[]).includes(parts[0]!)
}

/** Every file under `root`; anything but plain files and folders is refused with `refuse`. */
export function filesIn(root: string, refuse: (reason: string) => Error = mismatch, relative = ''): string[] {
  return fs.readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) return filesIn(root, refuse, child)
    if (entry.isFile()) return [child]
    throw refuse(`it holds ${child}, which is not a plain file`)
  })
}

function mismatch(reason: string): BackupError {
  return new BackupError(`The archive does not match its manifest: ${reason}. Nothing was restored.`)
}
