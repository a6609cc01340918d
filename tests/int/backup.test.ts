import type { Payload } from 'payload'

import { createClient } from '@libsql/client'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backedUpFiles, backedUpFolders } from '@/lib/backup/contents'
import { quoteName } from '@/lib/backup/database'
import { decryptArchive, encryptArchive } from '@/lib/backup/encryption'
import { listFiles } from '@/lib/backup/files'
import { isSearchIndexTable } from '@/lib/sqlite/searchIndex'

import { buildCli, runCli } from '../helpers/cli'
import { seedWithEvidence } from '../helpers/demoInstance'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * `npm run backup` and `npm run restore`, as built to dist/ and run on plain Node, against the
 * demo content with a consent evidence file, mail in the outbox and the development secret,
 * while this file's Payload keeps the database open as the server would.
 */
let payload: Payload
let source: string
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-backup-test-'))
const key = crypto.randomBytes(32).toString('hex')
let archive: string

const sourceEnv = () => ({
  VOICES_DATA_DIR: source,
  DATABASE_URI: `file:${path.join(source, 'voices.db')}`,
  VOICES_BACKUP_KEY: key,
})
/** An instance of its own in the scratch folder; the folder is not created. */
const target = (name: string) => {
  const dir = path.join(scratch, name)
  return { dir, env: { VOICES_DATA_DIR: dir, DATABASE_URI: '', VOICES_BACKUP_KEY: key } }
}

async function backup(env: Record<string, string> = sourceEnv()) {
  const out = fs.mkdtempSync(path.join(scratch, 'out-'))
  const run = await runCli('backup', ['--out', out], env)
  return { ...run, archive: fs.readdirSync(out).map((name) => path.join(out, name))[0] }
}

/** Every row of every table, in an order that does not depend on how rows are stored. */
async function dump(database: string): Promise<Record<string, unknown[]>> {
  const client = createClient({ url: `file:${database}` })
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    const rows: Record<string, unknown[]> = {}
    for (const { name } of tables.rows) {
      const columns = (await client.execute(`PRAGMA table_info(${quoteName(String(name))})`)).rows.length
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ')
      const result = await client.execute(`SELECT * FROM ${quoteName(String(name))} ORDER BY ${order}`)
      rows[String(name)] = result.rows.map((row) => ({ ...row }))
    }
    return rows
  } finally {
    client.close()
  }
}

/** SHA-256 of every file a backup holds, by path. */
function fileSums(root: string): Record<string, string> {
  const present = backedUpFiles.filter((name) => fs.existsSync(path.join(root, name)))
  return Object.fromEntries(
    [...listFiles(root, backedUpFolders), ...present].map((file) => [
      file,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  )
}

async function integrity(database: string): Promise<string> {
  const client = createClient({ url: `file:${database}` })
  try {
    return String(Object.values((await client.execute('PRAGMA integrity_check')).rows[0]!)[0])
  } finally {
    client.close()
  }
}

beforeAll(async () => {
  buildCli()
  payload = await startPayload()
  source = process.env.VOICES_TEST_DATA_DIR!
  await seedWithEvidence(payload, { email: 'backup-admin@example.org', password: 'a long demo password' })
  fs.mkdirSync(path.join(source, 'outbox'), { recursive: true })
  fs.writeFileSync(path.join(source, 'outbox', '2026-01-01T00-00-00Z-1.eml'), 'Subject: Welcome\r\n\r\nHello\r\n')
  fs.writeFileSync(path.join(source, '.payload-secret'), crypto.randomBytes(32).toString('hex'), { mode: 0o600 })

  const made = await backup()
  expect(made.status, made.output).toBe(0)
  archive = made.archive!
}, 120_000)

afterAll(async () => {
  await stopPayload(payload)
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('npm run backup and npm run restore', () => {
  it('restore every row of every table, versions included, and every file byte for byte', async () => {
    const { dir, env } = target('empty')
    const restored = await runCli('restore', [archive], env)
    expect(restored.status, restored.output).toBe(0)

    const before = await dump(path.join(source, 'voices.db'))
    const after = await dump(path.join(dir, 'voices.db'))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    expect(before._stories_v!.length).toBeGreaterThan(before.stories!.length)
    expect(before.consent_evidence).toHaveLength(1)
    expect(await integrity(path.join(dir, 'voices.db'))).toBe('ok')

    const files = fileSums(source)
    expect(Object.keys(files).filter((file) => file.startsWith('private/consent-evidence/'))).toHaveLength(1)
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['.payload-secret', 'outbox/2026-01-01T00-00-00Z-1.eml']))
    expect(Object.keys(files).filter((file) => file.startsWith('media/')).length).toBeGreaterThan(50)
    expect(fileSums(dir)).toEqual(files)
    // The round trip's size, for the record (BENCHMARKS.md and the notes quote it).
    const rows = Object.values(before).reduce((n, table) => n + table.length, 0)
    const versions = Object.entries(before)
      .filter(([table]) => /^_.+_v$/.test(table))
      .reduce((n, [, table]) => n + table.length, 0)
    console.info(
      `backup round trip: ${Object.keys(before).length} tables, ${rows} rows (${versions} versions), ` +
        `${Object.keys(files).length} files, all equal after restore`,
    )
  })

  it('write an archive nobody reads without the key, with a manifest of counts, migration and checksums', async () => {
    const head = Buffer.alloc(8)
    const handle = await fs.promises.open(archive, 'r')
    await handle.read(head, 0, 8, 0)
    await handle.close()
    expect(head.toString('latin1')).toBe('VOICESBK')
    expect((await fs.promises.stat(archive)).mode & 0o077).toBe(0)

    const tree = fs.mkdtempSync(path.join(scratch, 'manifest-'))
    await decryptArchive(archive, Buffer.from(key, 'hex'), path.join(tree, 'archive.tar'))
    await tar.x({ file: path.join(tree, 'archive.tar'), cwd: tree, filter: (entry) => entry === 'manifest.json' })
    const manifest = JSON.parse(fs.readFileSync(path.join(tree, 'manifest.json'), 'utf8'))
    const counts = Object.fromEntries(
      Object.entries(await dump(path.join(source, 'voices.db')))
        .filter(([table]) => !isSearchIndexTable(table))
        .map(([table, rows]) => [table, rows.length]),
    )
    expect(manifest).toMatchObject({
      format: 'voices-backup',
      formatVersion: 1,
      voicesVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { path: 'voices.db', tables: counts, migration: expect.any(String) },
    })
    expect(
      Object.fromEntries(manifest.files.map((file: { path: string; sha256: string }) => [file.path, file.sha256])),
    ).toEqual(fileSums(source))
  })

  it('refuse an instance that has content unless told --force, which replaces all of it', async () => {
    const { dir, env } = target('in-use')
    expect((await runCli('restore', [archive], env)).status).toBe(0)
    fs.writeFileSync(path.join(dir, 'media', 'uploaded-since.webp'), 'not in the backup')
    const client = createClient({ url: `file:${path.join(dir, 'voices.db')}` })
    await client.execute("UPDATE tags SET slug = 'changed-since' WHERE slug = 'parenting'")
    client.close()
    const changed = { rows: await dump(path.join(dir, 'voices.db')), files: fileSums(dir) }

    const refused = await runCli('restore', [archive], env)
    expect(refused.status).toBe(1)
    expect(refused.output).toMatch(/already has content .*--force/s)
    expect({ rows: await dump(path.join(dir, 'voices.db')), files: fileSums(dir) }).toEqual(changed)

    const forced = await runCli('restore', [archive, '--force'], env)
    expect(forced.status, forced.output).toBe(0)
    expect(await dump(path.join(dir, 'voices.db'))).toEqual(await dump(path.join(source, 'voices.db')))
    expect(fileSums(dir)).toEqual(fileSums(source))
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.restore-') || name.endsWith('-wal'))).toEqual([])

    // A new instance started once has its schema and Payload's bookkeeping, and no content yet.
    const emptied = createClient({ url: `file:${path.join(dir, 'voices.db')}` })
    await emptied.execute('PRAGMA foreign_keys = OFF')
    for (const table of Object.keys(await dump(path.join(dir, 'voices.db')))) {
      // The search index empties with the stories it indexes.
      if (!table.startsWith('payload_') && !isSearchIndexTable(table)) {
        await emptied.execute(`DELETE FROM ${quoteName(table)}`)
      }
    }
    emptied.close()
    for (const folder of backedUpFolders) fs.rmSync(path.join(dir, folder), { recursive: true, force: true })
    const intoNew = await runCli('restore', [archive], env)
    expect(intoNew.status, intoNew.output).toBe(0)
    expect(await dump(path.join(dir, 'voices.db'))).toEqual(await dump(path.join(source, 'voices.db')))
  })

  // Each attempt is a run of the restore command on plain Node: several processes started in turn.
  it(
    'refuse a wrong key, a changed or damaged archive, a missing key and bad input, changing nothing',
    { timeout: 120_000 },
    async () => {
      const { dir, env } = target('refusals')
      const attempt = async (args: string[], overrides: Record<string, string> = {}) => {
        const run = await runCli('restore', args, { ...env, ...overrides })
        expect(fs.existsSync(dir), run.output).toBe(false)
        return run
      }
      const wrongKey = await attempt([archive], { VOICES_BACKUP_KEY: crypto.randomBytes(32).toString('base64') })
      expect(wrongKey).toMatchObject({ status: 1, output: expect.stringContaining('another VOICES_BACKUP_KEY') })

      const bytes = fs.readFileSync(archive)
      const changed = path.join(scratch, 'changed.tar.enc')
      bytes[Math.floor(bytes.length / 2)]! ^= 1
      fs.writeFileSync(changed, bytes)
      expect(await attempt([changed])).toMatchObject({
        status: 1,
        output: expect.stringContaining('does not authenticate'),
      })
      const cut = path.join(scratch, 'cut.tar.enc')
      fs.writeFileSync(cut, fs.readFileSync(archive).subarray(0, 5000))
      expect(await attempt([cut])).toMatchObject({
        status: 1,
        output: expect.stringContaining('does not authenticate'),
      })

      // Re-encrypted with the right key, but one image is not the one that was backed up.
      const tree = fs.mkdtempSync(path.join(scratch, 'forged-'))
      await decryptArchive(archive, Buffer.from(key, 'hex'), path.join(tree, 'plain.tar'))
      fs.mkdirSync(path.join(tree, 'x'))
      await tar.x({ file: path.join(tree, 'plain.tar'), cwd: path.join(tree, 'x') })
      const image = fs.readdirSync(path.join(tree, 'x', 'media'))[0]!
      fs.appendFileSync(path.join(tree, 'x', 'media', image), 'more')
      const forged = path.join(scratch, 'forged.tar.enc')
      await pipeline(
        tar.c({ cwd: path.join(tree, 'x') }, fs.readdirSync(path.join(tree, 'x'))),
        encryptArchive(Buffer.from(key, 'hex')),
        fs.createWriteStream(forged),
      )
      expect(await attempt([forged])).toMatchObject({
        status: 1,
        output: expect.stringContaining('is not the file that was backed up'),
      })

      expect(await attempt([archive], { VOICES_BACKUP_KEY: '' })).toMatchObject({
        status: 1,
        output: expect.stringContaining('VOICES_BACKUP_KEY is not set'),
      })
      expect(await attempt([archive], { VOICES_BACKUP_KEY: 'correct horse battery staple' })).toMatchObject({
        status: 1,
        output: expect.stringContaining('32 random bytes'),
      })
      expect(await attempt([path.join(scratch, 'no-such-archive')])).toMatchObject({ status: 1 })
      expect(await attempt([path.join(source, 'voices.db')])).toMatchObject({
        status: 1,
        output: expect.stringContaining('is not a Voices backup'),
      })
      expect(await attempt([])).toMatchObject({ status: 2, output: expect.stringContaining('Usage: npm run restore') })
      expect(await attempt([archive], { DATABASE_URI: 'mongodb://127.0.0.1/voices' })).toMatchObject({
        status: 1,
        output: expect.stringContaining('mongodump'),
      })

      const keyless = await backup({ ...sourceEnv(), VOICES_BACKUP_KEY: '' })
      expect(keyless).toMatchObject({ status: 1, archive: undefined })
      expect(keyless.output).toContain('VOICES_BACKUP_KEY is not set')
      expect(fs.readdirSync(source).filter((name) => name.startsWith('.backup-'))).toEqual([])
    },
  )

  it('keep the files of every upload collection in a folder a backup holds', () => {
    for (const collection of payload.config.collections.filter((c) => c.upload)) {
      const folder = path.relative(source, collection.upload.staticDir!).split(path.sep)[0]!
      expect(backedUpFolders, collection.slug).toContain(folder)
    }
  })

  it('take one consistent snapshot while a writer keeps inserting and updating', { timeout: 60_000 }, async () => {
    // Each transaction adds a tag with its three translations and counts it on a probe tag.
    const writer = createClient({ url: `file:${path.join(source, 'voices.db')}` })
    await writer.execute('PRAGMA busy_timeout = 15000')
    await writer.execute("INSERT INTO tags (id, slug, updated_at) VALUES ('writer-probe', 'writer-probe', '0')")
    let written = 0
    let writing = true
    const writes = (async () => {
      while (writing) {
        written += 1
        const id = `writer-${written}`
        await writer.batch(
          [
            { sql: 'INSERT INTO tags (id, slug) VALUES (?, ?)', args: [id, id] },
            ...['en', 'ru', 'kk'].map((locale) => ({
              sql: 'INSERT INTO tags_locales (name, _locale, _parent_id) VALUES (?, ?, ?)',
              // Long enough that the WAL is checkpointed into the database file while the backup runs.
              args: [`${id} ${locale} ${'·'.repeat(4000)}`, locale, id],
            })),
            { sql: "UPDATE tags SET updated_at = ? WHERE id = 'writer-probe'", args: [String(written)] },
          ],
          'write',
        )
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 10))
    const before = written
    const made = await backup()
    const after = written
    writing = false
    await writes
    writer.close()
    expect(made.status, made.output).toBe(0)

    const { dir, env } = target('while-writing')
    expect((await runCli('restore', [made.archive!], env)).status).toBe(0)
    const database = path.join(dir, 'voices.db')
    expect(await integrity(database)).toBe('ok')
    const rows = await dump(database)
    const tags = rows.tags!.filter((tag) => /^writer-\d+$/.test(String((tag as { id: string }).id)))
    const probe = rows.tags!.find((tag) => (tag as { id: string }).id === 'writer-probe') as { updated_at: string }
    expect(tags.length).toBeGreaterThan(before)
    expect(tags.length).toBeLessThan(after)
    expect(Number(probe.updated_at)).toBe(tags.length)
    expect(
      rows.tags_locales!.filter((row) => String((row as { name: string }).name).startsWith('writer-')),
    ).toHaveLength(tags.length * 3)
  })
})
