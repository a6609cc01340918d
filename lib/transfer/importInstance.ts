import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq } from 'payload'

import { BackupError } from '@/lib/backup/BackupError'
import { backupKey, backupKeyId } from '@/lib/backup/backupKey'
import { backedUpFiles, backedUpFolders } from '@/lib/backup/contents'
import { decryptArchive } from '@/lib/backup/encryption'
import { listFiles } from '@/lib/backup/files'
import { onInterrupt } from '@/lib/backup/onInterrupt'
import { unpack } from '@/lib/backup/unpack'
import { databaseUri, dataDir, isMongoUri } from '@/lib/env'

import { bootPayload, transferConfig } from './bootPayload'
import { carriedCollections, transferNames } from './contents'
import { lines, loadDocuments } from './loadDocuments'
import type { TransferManifest } from './manifest'
import { type IdMap, newIdFactory } from './newIds'
import { verifyTransfer } from './verifyTransfer'
import { writeAllOrNothing } from './writeAllOrNothing'

export type ImportResult = { manifest: TransferManifest; keyId: string; newIds: boolean; root: string; target: string }

/**
 * Loads an archive written by `exportInstance` into the configured instance (DATABASE_URI and
 * VOICES_DATA_DIR), which must be empty: a new SQLite file or a new MongoDB database. The archive
 * is decrypted, unpacked and checked in full first; then its documents are written all or
 * nothing and its files put in place, so a wrong key, a damaged archive, a failure or an
 * interruption leaves the instance as empty as it was.
 *
 * Ids: MongoDB's are ObjectIds, SQLite's are UUIDs. Moving into MongoDB from SQLite gives every
 * document a new ObjectId and rewrites every reference to it (newIds.ts); otherwise ids are kept.
 * `newIds` forces new ids, to exercise that path on SQLite.
 */
export async function importInstance(
  archiveArgument: string,
  options: { newIds?: boolean } = {},
): Promise<ImportResult> {
  const key = backupKey()
  const root = dataDir()
  const target = databaseUri()
  const archive = path.resolve(archiveArgument)
  if (!fs.statSync(archive, { throwIfNoEntry: false })?.isFile()) throw new BackupError(`There is no file ${archive}.`)
  const existingFiles = backedUpFolders.flatMap((folder) => listFiles(root, [folder]))
  if (existingFiles.length > 0) throw notEmpty(`${existingFiles.length} files in ${root}, such as ${existingFiles[0]}`)

  const createdRoot = !fs.existsSync(root)
  fs.mkdirSync(root, { recursive: true })
  const staging = fs.mkdtempSync(path.join(root, '.transfer-import-'))
  const placed: string[] = []
  const cleanUp = () => {
    for (const name of placed.reverse()) fs.rmSync(path.join(root, name), { recursive: true, force: true })
    fs.rmSync(staging, { recursive: true, force: true })
    if (createdRoot && fs.readdirSync(root).length === 0) fs.rmdirSync(root)
  }
  const stopWatching = onInterrupt(cleanUp)
  let payload: Payload | undefined
  try {
    const decrypted = path.join(staging, 'archive.tar')
    await decryptArchive(archive, key, decrypted)
    const tree = path.join(staging, 'tree')
    await unpack(decrypted, tree)
    fs.rmSync(decrypted)

    const config = await transferConfig({ databaseUri: target, dataDir: root })
    const manifest = await verifyTransfer(tree, config)
    payload = await bootPayload(config)
    await refuseContent(payload)

    const intoMongo = isMongoUri(target)
    const newIds = options.newIds || (intoMongo && manifest.source !== 'mongodb')
    const ids = newIds ? await idsFor(tree, manifest, intoMongo ? 'objectId' : 'uuid') : null

    // Files first: if the documents fail, they are taken away again by cleanUp.
    for (const name of [...backedUpFolders, ...backedUpFiles]) {
      if (!fs.existsSync(path.join(tree, name))) continue
      placed.push(name)
      fs.renameSync(path.join(tree, name), path.join(root, name))
    }
    const req = await createLocalReq({}, payload)
    await writeAllOrNothing(payload, req, () => loadDocuments(payload!, tree, manifest, ids, req))
    placed.length = 0
    return { manifest, keyId: backupKeyId(key).toString('hex'), newIds: Boolean(ids), root, target }
  } finally {
    stopWatching()
    cleanUp()
    await payload?.destroy()
  }
}

/** The target must hold no documents: an import adds to nothing and replaces nothing. */
async function refuseContent(payload: Payload): Promise<void> {
  const held: string[] = []
  for (const { slug } of carriedCollections(payload.config)) {
    const { totalDocs } = await payload.db.count({ collection: slug, where: {} })
    if (totalDocs > 0) held.push(`${totalDocs} ${slug}`)
  }
  if (held.length > 0) throw notEmpty(held.join(', '))
}

function notEmpty(what: string): BackupError {
  return new BackupError(
    `The target instance is not empty (${what}). An import loads into a new database and an empty data ` +
      'folder only; point DATABASE_URI and VOICES_DATA_DIR at new ones. Nothing was changed.',
  )
}

async function idsFor(tree: string, manifest: TransferManifest, kind: 'objectId' | 'uuid'): Promise<IdMap> {
  const make = newIdFactory(kind)
  const ids: IdMap = new Map()
  for (const collection of Object.keys(manifest.collections)) {
    for await (const { id } of lines<{ id: string }>(path.join(tree, transferNames.documents(collection)))) {
      ids.set(String(id), make())
    }
  }
  return ids
}
