import type { Payload } from 'payload'

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Program, Story } from '@/payload-types'

import { buildCli, runCli } from '../../helpers/cli'
import { startPayload, stopPayload } from '../../helpers/payload'

/**
 * The move docs/deploy.md describes, onto MongoDB: the demo content seeded into SQLite as a
 * newcomer seeds it, exported, and imported into this file's MongoDB database; then read back
 * through Payload there. Runs only in the MongoDB project (MONGODB_URI, vitest.config.ts).
 */
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-into-mongodb-'))
const key = crypto.randomBytes(32).toString('hex')
const admin = { email: 'move-admin@example.org', password: 'a long demo password for the move' }
const sqlite = {
  VOICES_DATA_DIR: path.join(scratch, 'sqlite'),
  DATABASE_URI: `file:${path.join(scratch, 'sqlite', 'voices.db')}`,
  VOICES_BACKUP_KEY: key,
  VOICES_ADMIN_EMAIL: admin.email,
  VOICES_ADMIN_PASSWORD: admin.password,
}
let payload: Payload
let imported: { status: number | null; output: string }
let manifest: { collections: Record<string, { documents: number; versions: number }> }

beforeAll(async () => {
  buildCli()
  const seeded = await runCli('seed', [], sqlite)
  expect(seeded.status, seeded.output).toBe(0)
  const out = path.join(scratch, 'out')
  const exported = await runCli('transfer', ['export', '--out', out], sqlite)
  expect(exported.status, exported.output).toBe(0)
  const archive = path.join(out, fs.readdirSync(out)[0]!)
  // Into this file's own MongoDB database and data folder, before its Payload starts.
  imported = await runCli('transfer', ['import', archive], {
    VOICES_DATA_DIR: process.env.VOICES_DATA_DIR!,
    DATABASE_URI: process.env.DATABASE_URI!,
    VOICES_BACKUP_KEY: key,
  })
  const tree = path.join(scratch, 'manifest')
  const { decryptArchive } = await import('@/lib/backup/encryption')
  const tar = await import('tar')
  fs.mkdirSync(tree)
  await decryptArchive(archive, Buffer.from(key, 'hex'), path.join(tree, 'archive.tar'))
  await tar.x({ file: path.join(tree, 'archive.tar'), cwd: tree, filter: (entry) => entry === 'transfer.json' })
  manifest = JSON.parse(fs.readFileSync(path.join(tree, 'transfer.json'), 'utf8'))
  payload = await startPayload()
}, 300_000)

afterAll(async () => {
  await stopPayload(payload)
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('npm run transfer from SQLite into MongoDB', () => {
  it('gives every document an ObjectId and loads every document and version', async () => {
    expect(imported.status, imported.output).toBe(0)
    expect(imported.output).toMatch(/new id/)
    for (const [collection, { documents, versions }] of Object.entries(manifest.collections)) {
      const { totalDocs } = await payload.db.count({ collection: collection as never, where: {} })
      expect(totalDocs, collection).toBe(documents)
      if (versions > 0) {
        const found = await payload.db.findVersions({ collection: collection as never, limit: 0, pagination: false })
        expect(found.docs.length, `${collection} versions`).toBe(versions)
      }
    }
    const { docs } = await payload.find({ collection: 'stories', limit: 0, depth: 0, overrideAccess: true })
    for (const story of docs) expect(String(story.id)).toMatch(/^[0-9a-f]{24}$/)
  })

  it('follows every reference to its document: relationships, uploads and images in rich text', async () => {
    const { docs } = await payload.find({ collection: 'stories', limit: 0, depth: 1, overrideAccess: true })
    expect(docs.length).toBeGreaterThan(0)
    for (const story of docs as Story[]) {
      expect((story.program as Program).name, story.slug ?? '').toBeTruthy()
      if (story.heroImage) expect((story.heroImage as Media).filename).toBeTruthy()
      const uploads = JSON.stringify(story.body ?? {}).match(/"type":"upload"[^}]*"value":"([0-9a-f]+)"/g) ?? []
      for (const node of uploads) {
        const id = node.match(/"value":"([0-9a-f]+)"/)![1]!
        await expect(payload.findByID({ collection: 'media', id, depth: 0 })).resolves.toHaveProperty('id', id)
      }
    }
    const [participant] = (await payload.find({ collection: 'participants', limit: 1, overrideAccess: true })).docs
    expect(participant?.legalName).toBeTruthy()
    expect(participant?.publicName).toBeTruthy()
  })

  it('keeps staff logins: the seeded admin signs in with her password', async () => {
    const { user } = await payload.login({ collection: 'users', data: admin })
    expect(user?.email).toBe(admin.email)
  })
})
