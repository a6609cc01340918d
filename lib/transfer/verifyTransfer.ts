import type { SanitizedConfig } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from '@/lib/backup/BackupError'
import { sha256File } from '@/lib/backup/files'
import { filesIn, mayHold } from '@/lib/backup/verifyTree'

import { carriedCollections, carriedGlobals, transferNames } from './contents'
import { lines } from './loadDocuments'
import { parseTransferManifest, type TransferManifest } from './manifest'

/**
 * Checks an unpacked transfer before anything of it is written: exactly the entries its manifest
 * lists, each with its size and SHA-256, each a document file this Voices knows or a file of the
 * data folder; the number of documents and versions in each file as listed; and no collection
 * or global that this Voices does not have (an archive from a newer Voices).
 */
export async function verifyTransfer(tree: string, config: SanitizedConfig): Promise<TransferManifest> {
  const manifestFile = path.join(tree, transferNames.manifest)
  if (!fs.existsSync(manifestFile)) throw mismatch('it has no manifest')
  const manifest = parseTransferManifest(fs.readFileSync(manifestFile, 'utf8'))

  const collections = new Map<string, { versions?: unknown }>(carriedCollections(config).map((c) => [c.slug, c]))
  const globals = new Map<string, { versions?: unknown }>(carriedGlobals(config).map((g) => [g.slug, g]))
  for (const slug of Object.keys(manifest.collections)) {
    if (!collections.has(slug)) throw mismatch(`it holds a collection this Voices does not have, "${slug}"`)
  }
  for (const slug of Object.keys(manifest.globals)) {
    if (!globals.has(slug)) throw mismatch(`it holds a global this Voices does not have, "${slug}"`)
  }

  const counted = new Map<string, number>([[transferNames.globals, -1]])
  for (const [slug, { documents, versions }] of Object.entries(manifest.collections)) {
    counted.set(transferNames.documents(slug), documents)
    if (versions > 0 || collections.get(slug)?.versions) counted.set(transferNames.versions(slug), versions)
  }
  for (const [slug, { versions }] of Object.entries(manifest.globals)) {
    if (versions > 0 || globals.get(slug)?.versions) counted.set(transferNames.globalVersions(slug), versions)
  }
  for (const entry of manifest.entries) {
    if (!counted.has(entry.path) && !mayHold(entry.path)) {
      throw mismatch(`it lists ${JSON.stringify(entry.path)}, which a transfer never holds`)
    }
  }
  const listed = new Set(manifest.entries.map((entry) => entry.path))
  const missingDocuments = [...counted.keys()].filter((name) => !listed.has(name))
  if (missingDocuments.length > 0) throw mismatch(`${missingDocuments[0]} is missing`)

  const expected = new Set([transferNames.manifest, ...listed])
  const found = filesIn(tree, mismatch)
  const extra = found.filter((file) => !expected.has(file))
  const missing = [...expected].filter((file) => !found.includes(file))
  if (extra.length > 0) throw mismatch(`it holds ${extra[0]}, which its manifest does not list`)
  if (missing.length > 0) throw mismatch(`${missing[0]} is missing`)

  for (const entry of manifest.entries) {
    const absolute = path.join(tree, entry.path)
    if (fs.statSync(absolute).size !== entry.size || (await sha256File(absolute)) !== entry.sha256) {
      throw mismatch(`${entry.path} is not the file that was exported`)
    }
  }
  for (const [name, count] of counted) {
    if (count < 0) continue
    let found = 0
    try {
      for await (const _line of lines(path.join(tree, name))) found += 1
    } catch {
      throw mismatch(`${name} is not one JSON document per line`)
    }
    if (found !== count) throw mismatch(`${name} holds ${found} documents, not the ${count} listed`)
  }
  return manifest
}

function mismatch(reason: string): BackupError {
  return new BackupError(`The archive does not match its manifest: ${reason}. Nothing was changed.`)
}
