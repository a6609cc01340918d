import { createClient } from '@libsql/client'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

import { expect, test } from './fixtures'
import { privateValue } from './logs'
import { storyBody, validConsent } from './roles-helpers'
import {
  copyOfSuiteData,
  ownPort,
  type RunAs,
  type Server,
  startAndWaitForExit,
  startServer,
  tempDir,
  untilServing,
} from './servers'
import { e2eAdmin } from './settings'

/**
 * Fault drills: what a production server does when the machine under it fails. Each drill runs
 * its own server on its own copy of the suite's data (the shared server is never disturbed):
 * - at start: a database folder that is missing, a file that is read-only or locked, an address
 *   that leads nowhere, a database `npm run dev` made: the server stops with one line naming the
 *   setting, and exit code 1;
 * - while running: the database gone or held by another process: cached pages are still served,
 *   the API answers 503 with a short message, and service resumes by itself;
 * - killed in the middle of publishing, uploading and a withdrawal: afterwards the database is
 *   intact, no document is half-written, no file lacks its record or record its file, and the
 *   withdrawal happened whole or not at all;
 * - a full disk while uploading: 507, and nothing of the upload is left.
 */
test.describe.configure({ mode: 'serial' })

const root = process.getuid?.() === 0
/** Root ignores file permissions: the read-only drill runs its server as `nobody` then. */
const nobody: RunAs | undefined = root ? { uid: 65534, gid: 65534 } : undefined

function expectRefusedStart(result: { code: number | null; log: string; answered: boolean }, ...words: string[]) {
  expect(result.code, result.log).not.toBe(0)
  expect(result.code, result.log).not.toBeNull()
  expect(result.answered, 'served requests before stopping').toBe(false)
  const line = result.log.split('\n').find((l) => l.includes('Voices cannot start:'))
  expect(line, result.log).toBeTruthy()
  for (const word of words) expect(line).toContain(word)
  return line!
}

test.describe('at start', () => {
  test('a missing database folder stops the server, naming VOICES_DATA_DIR', async () => {
    test.setTimeout(90_000)
    const parent = tempDir('missing')
    try {
      const dataDir = path.join(parent, 'not-mounted')
      const result = await startAndWaitForExit({ VOICES_DATA_DIR: dataDir }, ownPort(5))
      expectRefusedStart(result, `the database folder ${dataDir} does not exist`, 'VOICES_DATA_DIR')
      // Nothing was created in its place.
      expect(fs.existsSync(dataDir)).toBe(false)
    } finally {
      fs.rmSync(parent, { recursive: true, force: true })
    }
  })

  test('a DATABASE_URI pointing nowhere stops the server, naming DATABASE_URI and hiding its password', async () => {
    test.setTimeout(120_000)
    const dataDir = tempDir('nowhere')
    try {
      const missing = await startAndWaitForExit(
        { VOICES_DATA_DIR: dataDir, DATABASE_URI: `file:${path.join(dataDir, 'gone', 'voices.db')}` },
        ownPort(5),
      )
      expectRefusedStart(missing, 'does not exist', 'DATABASE_URI')
      const secret = 'hunter2-not-for-logs'
      const foreign = await startAndWaitForExit(
        { VOICES_DATA_DIR: dataDir, DATABASE_URI: `postgres://voices:${secret}@db.example.org/voices` },
        ownPort(5),
      )
      expectRefusedStart(foreign, 'DATABASE_URI', 'not a database address')
      expect(foreign.log).not.toContain(secret)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('a read-only database file stops the server, naming the setting', async () => {
    test.setTimeout(120_000)
    const dataDir = await copyOfSuiteData('read-only', false)
    try {
      fs.chmodSync(path.join(dataDir, 'voices.db'), 0o444)
      const result = await startAndWaitForExit({ VOICES_DATA_DIR: dataDir }, ownPort(5), nobody)
      expectRefusedStart(result, 'is read-only', 'VOICES_DATA_DIR')
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('a database locked by another process stops the server, naming the setting', async () => {
    test.setTimeout(120_000)
    const dataDir = await copyOfSuiteData('locked', false)
    const holder = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
    try {
      // Another program has the file to itself, as `sqlite3` in exclusive mode would.
      await holder.execute('PRAGMA locking_mode = EXCLUSIVE')
      await holder.execute('BEGIN EXCLUSIVE')
      await holder.execute('CREATE TABLE held_by_another_program (x)')
      const result = await startAndWaitForExit({ VOICES_DATA_DIR: dataDir }, ownPort(5))
      expectRefusedStart(result, 'is locked by another process', 'VOICES_DATA_DIR')
    } finally {
      holder.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('a database `npm run dev` made stops the server, in words, before Payload asks about losing data', async () => {
    test.setTimeout(120_000)
    const dataDir = await copyOfSuiteData('made-in-development', false)
    const file = path.join(dataDir, 'voices.db')
    try {
      // What development's schema push records (Payload's `dev` migration of batch -1).
      const db = createClient({ url: `file:${file}` })
      try {
        const now = new Date().toISOString()
        await db.execute({
          sql: "INSERT INTO payload_migrations (id, name, batch, updated_at, created_at) VALUES (?, 'dev', -1, ?, ?)",
          args: [randomUUID(), now, now],
        })
      } finally {
        db.close()
      }
      const before = fs.readFileSync(file)
      const result = await startAndWaitForExit({ VOICES_DATA_DIR: dataDir }, ownPort(5))
      expectRefusedStart(result, `the database ${file} (VOICES_DATA_DIR) was made by \`npm run dev\``)
      expect(result.log).not.toMatch(/proceed\?/)
      expect(fs.readFileSync(file).equals(before)).toBe(true)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

/** Signs in to a drill's server as the suite's admin. */
async function adminToken(server: Server): Promise<string> {
  const response = await fetch(`${server.base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(e2eAdmin),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  return ((await response.json()) as { token: string }).token
}

async function api(server: Server, token: string | null, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.base}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON: kept as text for the message.
  }
  return { status: response.status, json: json as Record<string, unknown> | null, text, headers: response.headers }
}

const errorCode = (json: Record<string, unknown> | null) =>
  (json?.errors as Array<{ data?: { code?: string } }> | undefined)?.[0]?.data?.code

/** A drill's own server on a copy of the suite's data, serving, with an admin signed in and a story. */
async function drillServer(name: string, port: number) {
  const dataDir = await copyOfSuiteData(name)
  const server = startServer({ VOICES_DATA_DIR: dataDir }, port)
  try {
    await untilServing(server)
    const token = await adminToken(server)
    const { docs } = (await api(server, null, 'GET', '/api/stories?limit=1&depth=0')).json as {
      docs: Array<{ id: string; slug: string }>
    }
    return { dataDir, server, token, story: docs[0]! }
  } catch (error) {
    await server.stop()
    throw error
  }
}

test.describe('while running', () => {
  test('a database that goes away: cached pages are served, the API answers 503, and service resumes by itself', async () => {
    test.setTimeout(240_000)
    const { dataDir, server, token, story } = await drillServer('away', ownPort(6))
    const file = path.join(dataDir, 'voices.db')
    try {
      // Visitors have been reading: these pages are in the page cache.
      const pages = ['/en', `/en/stories/${story.slug}`]
      for (const page of pages) expect((await fetch(`${server.base}${page}`)).status).toBe(200)

      fs.renameSync(file, `${file}.away`)
      try {
        await expect
          .poll(async () => errorCode((await api(server, null, 'GET', '/api/stories')).json), { timeout: 30_000 })
          .toBe('databaseUnavailable')
        const read = await api(server, null, 'GET', '/api/stories')
        expect(read.status).toBe(503)
        expect(read.headers.get('retry-after')).toBe('30')
        expect(read.text.length).toBeLessThan(400)
        expect(read.text).not.toMatch(/at .*\.js:\d+|stack/i)
        const write = await api(server, token, 'PATCH', `/api/stories/${story.id}`, { title: 'Written while away' })
        expect(write.status, write.text).toBe(503)
        for (const page of pages) {
          const cached = await fetch(`${server.base}${page}`)
          expect(cached.status, page).toBe(200)
          expect(await cached.text()).toContain('</html>')
        }
        expect(fs.existsSync(file), 'an empty database was made in its place').toBe(false)
      } finally {
        fs.renameSync(`${file}.away`, file)
      }
      await expect
        .poll(async () => (await api(server, null, 'GET', '/api/stories')).status, { timeout: 30_000 })
        .toBe(200)
      const after = await api(server, token, 'PATCH', `/api/stories/${story.id}`, { title: 'Written once it was back' })
      expect(after.status, after.text).toBe(200)
    } finally {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('a database another process holds: reads and cached pages go on, writes answer 503 until it lets go', async () => {
    test.setTimeout(240_000)
    const { dataDir, server, token, story } = await drillServer('held', ownPort(6))
    const holder = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
    try {
      expect((await fetch(`${server.base}/en`)).status).toBe(200)
      await holder.execute('BEGIN IMMEDIATE')
      let released = false
      try {
        const write = await api(server, token, 'PATCH', `/api/stories/${story.id}`, { title: 'Waiting' })
        expect(write.status, write.text).toBe(503)
        expect(errorCode(write.json)).toBe('databaseBusy')
        expect((await api(server, null, 'GET', `/api/stories/${story.id}`)).status).toBe(200)
        expect((await fetch(`${server.base}/en`)).status).toBe(200)
        await holder.execute('ROLLBACK')
        released = true
      } finally {
        if (!released) await holder.execute('ROLLBACK')
      }
      const after = await api(server, token, 'PATCH', `/api/stories/${story.id}`, { title: 'Saved once free' })
      expect(after.status, after.text).toBe(200)
    } finally {
      holder.close()
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

/**
 * The database's own check, and that every document and upload is whole. Right after a kill an
 * upload's files may be on disk without their record (they are written first); the claim the upload
 * left tells the restarted server its process has ended, and it removes them as it starts, young as
 * they are, so `filesLeftByACut` allows them only until the restart.
 */
async function expectWhole(dataDir: string, { filesLeftByACut = false } = {}): Promise<void> {
  const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
  try {
    const integrity = await db.execute('PRAGMA integrity_check')
    expect(integrity.rows.map((row) => row[0])).toEqual(['ok'])
    // Every story has exactly one latest version, and a published story the version it was
    // published with (written in the same transaction as the story itself).
    const latest = await db.execute(
      'SELECT s.id, (SELECT count(*) FROM _stories_v v WHERE v.parent_id = s.id AND v.latest = 1) AS n FROM stories s',
    )
    for (const row of latest.rows) expect(Number(row.n), `latest versions of ${String(row.id)}`).toBe(1)
    const unmatched = await db.execute(
      `SELECT s.id FROM stories s WHERE s._status = 'published' AND NOT EXISTS (
         SELECT 1 FROM _stories_v v WHERE v.parent_id = s.id AND v.version__status = 'published'
           AND v.version_updated_at = s.updated_at)`,
    )
    expect(unmatched.rows.map((row) => row.id)).toEqual([])
    const orphanVersions = await db.execute(
      'SELECT count(*) AS n FROM _stories_v v WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = v.parent_id)',
    )
    expect(Number(orphanVersions.rows[0]!.n)).toBe(0)
    // Every file has its record, and every record its files.
    const media = await db.execute('SELECT * FROM media')
    const names = new Set<string>()
    for (const row of media.rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && value && (column === 'filename' || /^sizes_.*_filename$/.test(column))) {
          names.add(value)
        }
      }
    }
    const mediaDir = path.join(dataDir, 'media')
    const files = new Set(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : [])
    if (!filesLeftByACut) {
      expect(
        [...files].filter((file) => !names.has(file)),
        'files without a record',
      ).toEqual([])
    }
    expect(
      [...names].filter((name) => !files.has(name)),
      'records without their file',
    ).toEqual([])
  } finally {
    db.close()
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A photo of noise, so encoding its sizes takes the server a while. */
const noisyPhoto = () =>
  sharp(Buffer.from(Array.from({ length: 1400 * 1000 * 3 }, () => Math.floor(Math.random() * 256))), {
    raw: { width: 1400, height: 1000, channels: 3 },
  })
    .jpeg({ quality: 92 })
    .toBuffer()

test.describe('killed in the middle', () => {
  test('of publishing, uploading and a withdrawal: afterwards everything is whole, and the withdrawal all or nothing', async () => {
    test.setTimeout(900_000)
    const dataDir = await copyOfSuiteData('killed')
    const port = ownPort(7)
    let server = startServer({ VOICES_DATA_DIR: dataDir }, port)
    const restart = async () => {
      server = startServer({ VOICES_DATA_DIR: dataDir }, port)
      await untilServing(server)
    }
    try {
      await untilServing(server)
      await expectWhole(dataDir)
      const token = await adminToken(server)
      const photo = await noisyPhoto()

      const mediaCount = async () =>
        ((await api(server, token, 'GET', '/api/media?limit=0&depth=0')).json as { totalDocs: number }).totalDocs
      const operations: Record<string, () => Promise<{ check: () => Promise<string>; run: () => Promise<unknown> }>> = {
        publishing: async () => {
          const created = await api(server, token, 'POST', '/api/stories?draft=true', {
            title: `Cut off ${Date.now()}`,
            slug: '',
            body: storyBody('Words about nobody in particular.'),
            _status: 'draft',
          })
          expect(created.status, created.text).toBe(201)
          const id = (created.json!.doc as { id: string }).id
          return {
            run: () => api(server, token, 'PATCH', `/api/stories/${id}`, { _status: 'published' }),
            check: async () =>
              ((await api(server, token, 'GET', `/api/stories/${id}?depth=0`)).json as { _status: string })._status,
          }
        },
        uploading: async () => {
          const before = await mediaCount()
          return {
            run: () => {
              const form = new FormData()
              form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'field.jpg')
              form.append('_payload', JSON.stringify({ alt: 'A field' }))
              return fetch(`${server.base}/api/media`, {
                method: 'POST',
                headers: { authorization: `JWT ${token}` },
                body: form,
              })
            },
            check: async () => ((await mediaCount()) > before ? 'stored' : 'not stored'),
          }
        },
        'a withdrawal': async () => {
          const { person, stories } = await personInStories(server, token, 3)
          return {
            run: () =>
              api(server, token, 'PATCH', `/api/participants/${person}`, {
                consent: { ...validConsent(), withdrawnAt: new Date().toISOString() },
              }),
            check: async () => {
              const stored = await api(server, token, 'GET', `/api/participants/${person}?depth=0`)
              const withdrawn = Boolean((stored.json?.consent as { withdrawnAt?: string } | undefined)?.withdrawnAt)
              const statuses = []
              for (const id of stories) {
                statuses.push(
                  ((await api(server, token, 'GET', `/api/stories/${id}?depth=0`)).json as { _status: string })._status,
                )
              }
              // Complete or absent: never some of her stories down and others up.
              expect(statuses, `withdrawn: ${withdrawn}`).toEqual(
                stories.map(() => (withdrawn ? 'draft' : 'published')),
              )
              return withdrawn ? 'withdrawn, all her stories down' : 'not withdrawn, all her stories up'
            },
          }
        },
      }

      for (const [what, prepare] of Object.entries(operations)) {
        // How long it takes when nothing goes wrong, to cut it off somewhere inside.
        const timed = await prepare()
        const started = Date.now()
        await timed.run()
        const takes = Date.now() - started
        for (let round = 0; round < 3; round++) {
          const { run, check } = await prepare()
          // Spread over the operation and a little past it: some cut it off, some come after.
          const delay = Math.floor(((round + Math.random()) / 3) * takes * 1.3)
          let answered = false
          const request = run().then(
            () => (answered = true),
            () => undefined,
          )
          await sleep(delay)
          await server.kill()
          await request
          await expectWhole(dataDir, { filesLeftByACut: true })
          await restart()
          await expectWhole(dataDir)
          const outcome = await check()
          const swept = /removed files no record refers to/.test(server.log()) ? ', left files removed at start' : ''
          const line = `${what}: killed after ${delay} of ~${takes} ms, ${answered ? 'answered' : 'cut off'}: ${outcome}${swept}`
          test.info().annotations.push({ type: 'kill', description: line })
          console.log(line)
        }
      }

      // The narrowest cut, every time rather than by chance: killed the moment an upload's first
      // file is on the disk, before its record can be saved.
      const mediaDir = path.join(dataDir, 'media')
      const before = new Set(fs.readdirSync(mediaDir))
      const { run, check } = await operations.uploading!()
      const watcher = fs.watch(mediaDir)
      const firstFile = new Promise<void>((resolve) =>
        watcher.on('change', (_, name) => {
          if (name && !before.has(String(name))) resolve()
        }),
      )
      const request = run().then(
        () => true,
        () => false,
      )
      await firstFile
      watcher.close()
      await server.kill()
      const answered = await request
      const left = fs.readdirSync(mediaDir).filter((name) => !before.has(name))
      await expectWhole(dataDir, { filesLeftByACut: true })
      await restart()
      await expectWhole(dataDir)
      expect(await check()).toBe(answered ? 'stored' : 'not stored')
      const line = `uploading: killed at its first file, ${answered ? 'answered' : 'cut off'}, ${left.length} files on the disk before the restart`
      test.info().annotations.push({ type: 'kill', description: line })
      console.log(line)
    } finally {
      await server.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

/** A participant with consent, featured in `count` published stories (signed off by the admin). */
async function personInStories(server: Server, token: string, count: number) {
  const created = await api(server, token, 'POST', '/api/participants', {
    publicName: `Drill ${Date.now()}`,
    legalName: privateValue('participants.legalName', 'Drill Legal Name'),
    consent: validConsent(),
  })
  expect(created.status, created.text).toBe(201)
  const person = (created.json!.doc as { id: string }).id
  const stories: string[] = []
  for (let i = 0; i < count; i++) {
    const draft = await api(server, token, 'POST', '/api/stories?draft=true', {
      title: `About her ${Date.now()} ${i}`,
      slug: '',
      body: storyBody('She spoke first.'),
      featuredParticipants: [person],
      _status: 'draft',
    })
    expect(draft.status, draft.text).toBe(201)
    const id = (draft.json!.doc as { id: string }).id
    const signed = await api(server, token, 'POST', `/api/stories/${id}/sign-off`)
    expect(signed.status, signed.text).toBe(200)
    const published = await api(server, token, 'PATCH', `/api/stories/${id}`, { _status: 'published' })
    expect(published.status, published.text).toBe(200)
    stories.push(id)
  }
  return { person, stories }
}

test.describe('a full disk', () => {
  test('while uploading: 507 with a message, no half file and no record; uploads work again once there is room', async () => {
    test.setTimeout(240_000)
    const dataDir = await copyOfSuiteData('full', false)
    const mediaDir = path.join(dataDir, 'media')
    // The uploads folder on a small disk of its own (a tmpfs, which only root may mount).
    fs.mkdirSync(mediaDir)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0777', 'tmpfs', mediaDir])
    const server = startServer({ VOICES_DATA_DIR: dataDir }, ownPort(8))
    try {
      await untilServing(server)
      const token = await adminToken(server)
      const photo = await sharp({
        create: { width: 1200, height: 800, channels: 3, background: '#d98a4b' },
      })
        .png()
        .toBuffer()
      const before = fs.readdirSync(mediaDir)
      const count = async () =>
        ((await api(server, token, 'GET', '/api/media?limit=0&depth=0')).json as { totalDocs: number }).totalDocs
      const records = await count()
      const filler = path.join(mediaDir, 'filler')
      const free = () => {
        const stats = fs.statfsSync(mediaDir)
        return stats.bavail * stats.bsize
      }
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 256 * 1024)))
      const upload = async () => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'dusk.png')
        form.append('_payload', JSON.stringify({ alt: 'Dusk' }))
        const response = await fetch(`${server.base}/api/media`, {
          method: 'POST',
          headers: { authorization: `JWT ${token}` },
          body: form,
        })
        return { status: response.status, json: (await response.json()) as Record<string, unknown> }
      }
      const refused = await upload()
      expect(refused.status).toBe(507)
      expect(errorCode(refused.json)).toBe('storageFull')
      expect(fs.readdirSync(mediaDir).sort()).toEqual([...before, 'filler'].sort())
      expect(await count()).toBe(records)

      fs.rmSync(filler)
      const stored = await upload()
      expect(stored.status, JSON.stringify(stored.json)).toBe(201)
      expect(await count()).toBe(records + 1)
    } finally {
      await server.stop()
      execFileSync('umount', [mediaDir])
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
