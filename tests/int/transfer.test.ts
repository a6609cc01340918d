import type { Payload } from 'payload'

import { createClient } from '@libsql/client'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { quoteName } from '@/lib/backup/database'
import { decryptArchive, encryptArchive } from '@/lib/backup/encryption'
import { listFiles } from '@/lib/backup/files'
import { isSearchIndexTable } from '@/lib/sqlite/searchIndex'

import { buildCli, runCli } from '../helpers/cli'
import { seedWithEvidence } from '../helpers/demoInstance'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * `npm run transfer`, as built to dist/ and run on plain Node: the way from SQLite to MongoDB,
 * tried here SQLite to SQLite. The source is the demo content with drafts, a consent evidence
 * file, a scheduled publish and mail in the outbox, exported while this file's Payload keeps
 * the database open as the server would.
 */
let payload: Payload
let source: string
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-transfer-test-'))
const key = crypto.randomBytes(32).toString('hex')
let archive: string
let exported: Exported
type Imported = { imported: Awaited<ReturnType<typeof runCli>>; exported: Exported }
let keptIds: Imported
let newIds: Imported

const sourceEnv = () => ({
  VOICES_DATA_DIR: source,
  DATABASE_URI: `file:${path.join(source, 'voices.db')}`,
  VOICES_BACKUP_KEY: key,
})
/** A new instance of its own in the scratch folder. */
const target = (name: string) => {
  const dir = path.join(scratch, name)
  return {
    dir,
    env: { VOICES_DATA_DIR: dir, DATABASE_URI: `file:${path.join(dir, 'voices.db')}`, VOICES_BACKUP_KEY: key },
  }
}

type Doc = Record<string, unknown> & { id: string }
type Exported = {
  documents: Record<string, Doc[]>
  versions: Record<string, Doc[]>
  globals: Doc[]
  files: Record<string, string>
}

async function exportFrom(env: Record<string, string>): Promise<string> {
  const out = fs.mkdtempSync(path.join(scratch, 'out-'))
  const run = await runCli('transfer', ['export', '--out', out], env)
  expect(run.status, run.output).toBe(0)
  return fs.readdirSync(out).map((name) => path.join(out, name))[0]!
}

/** Imports the source's archive into a new instance, then exports that instance in turn. */
async function importAndExport(env: Record<string, string>, options: string[]): Promise<Imported> {
  const imported = await runCli('transfer', ['import', archive, ...options], env)
  if (imported.status !== 0) return { imported, exported: { documents: {}, versions: {}, globals: [], files: {} } }
  return { imported, exported: await read(await exportFrom(env)) }
}

async function unpacked(file: string): Promise<string> {
  const tree = fs.mkdtempSync(path.join(scratch, 'tree-'))
  await decryptArchive(file, Buffer.from(key, 'hex'), path.join(tree, 'archive.tar'))
  await tar.x({ file: path.join(tree, 'archive.tar'), cwd: tree })
  fs.rmSync(path.join(tree, 'archive.tar'))
  return tree
}

const readLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc)

/** What an archive holds: documents by collection, versions by collection or global, files by sum. */
async function read(file: string): Promise<Exported> {
  const tree = await unpacked(file)
  const byName = (folder: string) =>
    fs.existsSync(path.join(tree, folder))
      ? Object.fromEntries(
          fs
            .readdirSync(path.join(tree, folder))
            .map((name) => [name.replace(/\.ndjson$/, ''), readLines(path.join(tree, folder, name))]),
        )
      : {}
  const files = Object.fromEntries(
    listFiles(tree, ['media', 'private', 'outbox']).map((name) => [
      name,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(tree, name)))
        .digest('hex'),
    ]),
  )
  return {
    documents: byName('documents'),
    versions: { ...byName('versions'), ...byName('global-versions') },
    globals: readLines(path.join(tree, 'globals.ndjson')),
    files,
  }
}

/** Rows per table, Payload's migrations and the search index's internals aside. */
async function rowCounts(database: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${database}` })
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables.rows) {
      if (isSearchIndexTable(String(name)) || name === 'payload_migrations') continue
      counts[String(name)] = Number(
        (await client.execute(`SELECT count(*) AS n FROM ${quoteName(String(name))}`)).rows[0]!.n,
      )
    }
    return counts
  } finally {
    client.close()
  }
}

/** A version as its content: which document, when, and what; its own id is the target's. */
const versionContent = ({ id: _id, ...rest }: Doc) => rest
const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b))

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/** Every id in `value` replaced by one placeholder: content compared without its ids. */
const withoutIds = (value: unknown) => JSON.parse(JSON.stringify(value).replace(uuid, '#id')) as unknown

beforeAll(async () => {
  buildCli()
  payload = await startPayload()
  source = process.env.VOICES_TEST_DATA_DIR!
  await seedWithEvidence(payload, { email: 'transfer-admin@example.org', password: 'a long demo password' })
  const [story] = (await payload.find({ collection: 'stories', limit: 1, sort: 'slug', depth: 0 })).docs
  // A draft over the published story, in two locales, and its publication scheduled for later.
  await payload.update({ collection: 'stories', id: story!.id, draft: true, data: { title: 'A draft title' } })
  await payload.update({
    collection: 'stories',
    id: story!.id,
    draft: true,
    locale: 'ru',
    data: { title: 'Черновик' },
  })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'stories', value: story!.id } },
    waitUntil: new Date(Date.now() + 86_400_000),
  } as never)
  fs.mkdirSync(path.join(source, 'outbox'), { recursive: true })
  fs.writeFileSync(path.join(source, 'outbox', '2026-01-01T00-00-00Z-1.eml'), 'Subject: Welcome\r\n\r\nHello\r\n')

  archive = await exportFrom(sourceEnv())
  exported = await read(archive)
  // Both imports at once: they share nothing but the archive.
  ;[keptIds, newIds] = await Promise.all([
    importAndExport(target('kept-ids').env, []),
    importAndExport(target('new-ids').env, ['--new-ids']),
  ])
}, 300_000)

afterAll(async () => {
  await stopPayload(payload)
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('npm run transfer', () => {
  it('carries every document in every locale, every version and every file into a new instance, as stored', async () => {
    const { dir } = target('kept-ids')
    expect(keptIds.imported.status, keptIds.imported.output).toBe(0)
    const again = keptIds.exported

    // What the source holds, so that the comparison below compares something.
    expect(exported.documents.stories!.length).toBeGreaterThan(5)
    expect(exported.documents['consent-evidence']).toHaveLength(1)
    expect(exported.documents['payload-jobs']!.length).toBeGreaterThan(0)
    expect(exported.documents.users![0]).toHaveProperty('hash', expect.any(String))
    expect(exported.documents.participants![0]).toHaveProperty('legalName', expect.any(String))
    expect(exported.versions.stories!.length).toBeGreaterThan(exported.documents.stories!.length)
    expect(JSON.stringify(exported.versions.stories)).toContain('Черновик')
    expect(Object.keys(exported.files).filter((file) => file.startsWith('private/consent-evidence/'))).toHaveLength(1)

    expect(again.documents).toEqual(exported.documents)
    for (const [owner, versions] of Object.entries(exported.versions)) {
      expect(again.versions[owner]!.map(versionContent).sort(byJson), owner).toEqual(
        versions.map(versionContent).sort(byJson),
      )
    }
    expect(again.globals.map(({ slug }) => slug)).toEqual(exported.globals.map(({ slug }) => slug))
    // A global's row id and creation time are the target database's own: nothing refers to them.
    const globalContent = ({ slug, data }: Doc) => ({ slug, data: { ...(data as Doc), id: 0, createdAt: 0 } })
    expect(again.globals.map(globalContent)).toEqual(exported.globals.map(globalContent))
    expect(again.files).toEqual(exported.files)
    expect(await rowCounts(path.join(dir, 'voices.db'))).toEqual(await rowCounts(path.join(source, 'voices.db')))
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.transfer'))).toEqual([])
  }, 120_000)

  it('gives every document a new id, as into MongoDB, and every reference follows its document', async () => {
    expect(newIds.imported.status, newIds.imported.output).toBe(0)
    expect(newIds.imported.output).toMatch(/new id/)
    const moved = newIds.exported

    const oldIds = new Set(Object.values(exported.documents).flatMap((docs) => docs.map(({ id }) => id)))
    const movedIds = new Set(Object.values(moved.documents).flatMap((docs) => docs.map(({ id }) => id)))
    const versionIds = new Set(Object.values(moved.versions).flatMap((docs) => docs.map(({ id }) => id)))
    const globalIds = new Set(moved.globals.map(({ data }) => (data as Doc).id))
    expect([...movedIds].filter((id) => oldIds.has(id))).toEqual([])
    // No old id is left anywhere, and every id in the moved content is one of its own
    // documents', versions' or globals', or a file's random name carried as it was.
    const idsIn = (value: unknown) => JSON.stringify(value).match(uuid) ?? []
    const everyId = idsIn([moved.documents, moved.versions, moved.globals])
    const carried = new Set(idsIn([exported.documents, exported.versions, exported.globals]))
    expect(everyId.length).toBeGreaterThan(movedIds.size)
    expect(everyId.filter((id) => oldIds.has(id))).toEqual([])
    const own = (id: string) => movedIds.has(id) || versionIds.has(id) || globalIds.has(id)
    expect(everyId.filter((id) => !own(id) && !(carried.has(id) && !oldIds.has(id)))).toEqual([])
    // And the content is the same, ids aside.
    for (const [collection, docs] of Object.entries(exported.documents)) {
      expect(moved.documents[collection]!.map(withoutIds).sort(byJson), collection).toEqual(
        docs.map(withoutIds).sort(byJson),
      )
    }
    for (const [owner, versions] of Object.entries(exported.versions)) {
      expect(moved.versions[owner]!.map(withoutIds).sort(byJson), owner).toEqual(versions.map(withoutIds).sort(byJson))
    }
    expect(moved.files).toEqual(exported.files)
  }, 120_000)

  it('refuse a target with content, a wrong key, a changed archive and a dangling reference, changing nothing', async () => {
    // The instance the first test imported into.
    const { dir, env } = target('kept-ids')
    const counts = await rowCounts(path.join(dir, 'voices.db'))
    const twice = await runCli('transfer', ['import', archive], env)
    expect(twice.status).toBe(1)
    expect(twice.output).toMatch(/target instance is not empty .*Nothing was changed/s)
    expect(await rowCounts(path.join(dir, 'voices.db'))).toEqual(counts)

    const wrongKey = target('wrong-key')
    const withWrongKey = await runCli('transfer', ['import', archive], {
      ...wrongKey.env,
      VOICES_BACKUP_KEY: crypto.randomBytes(32).toString('hex'),
    })
    expect(withWrongKey.status).toBe(1)
    expect(fs.existsSync(wrongKey.dir)).toBe(false)

    // A document changed after the export: its checksum no longer matches.
    const changed = await repack((tree) => {
      const file = path.join(tree, 'documents', 'tags.ndjson')
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"slug":"[^"]+"/, '"slug":"changed"'))
    })
    await expectNothingImported(changed, /documents\/tags\.ndjson is not the file that was exported/)

    // A story whose program is not in the archive, with the manifest made to match: the whole
    // import is rolled back, files included.
    const dangling = await repack(
      (tree) => {
        const file = path.join(tree, 'documents', 'stories.ndjson')
        const [first, ...rest] = readLines(file)
        const broken = { ...first, program: crypto.randomUUID() }
        fs.writeFileSync(file, [broken, ...rest].map((doc) => `${JSON.stringify(doc)}\n`).join(''))
      },
      { resum: true },
    )
    await expectNothingImported(dangling, /FOREIGN KEY constraint failed/)

    const usage = await runCli('transfer', ['import'], target('usage').env)
    expect(usage.status).toBe(2)
    expect(usage.output).toMatch(/Usage: npm run transfer/)
  }, 180_000)
})

/** Imports `file` into a new instance, expecting a refusal that leaves it empty. */
async function expectNothingImported(file: string, reason: RegExp) {
  const { dir, env } = target(`refused-${crypto.randomUUID()}`)
  const run = await runCli('transfer', ['import', file], env)
  expect(run.status, run.output).toBe(1)
  expect(run.output).toMatch(reason)
  const database = path.join(dir, 'voices.db')
  if (fs.existsSync(database)) {
    const held = Object.entries(await rowCounts(database)).filter(
      ([table, n]) => n > 0 && !table.startsWith('payload_'),
    )
    expect(held).toEqual([])
  }
  const left = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !name.startsWith('voices.db')) : []
  expect(left).toEqual([])
}

/** The archive unpacked, changed by `change`, packed and encrypted again with the same key. */
async function repack(change: (tree: string) => void, options: { resum?: boolean } = {}): Promise<string> {
  const tree = await unpacked(archive)
  change(tree)
  const manifestFile = path.join(tree, 'transfer.json')
  if (options.resum) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
    for (const entry of manifest.entries) {
      const content = fs.readFileSync(path.join(tree, entry.path))
      entry.size = content.length
      entry.sha256 = crypto.createHash('sha256').update(content).digest('hex')
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifest))
  }
  const out = path.join(scratch, `repacked-${crypto.randomUUID()}.tar.enc`)
  const entries = fs.readdirSync(tree)
  await pipeline(
    tar.c({ cwd: tree, portable: true }, entries) as unknown as AsyncIterable<Buffer>,
    encryptArchive(Buffer.from(key, 'hex')),
    fs.createWriteStream(out),
  )
  return out
}
