import type { CollectionAfterChangeHook, Payload } from 'payload'

import { createClient, LibsqlError } from '@libsql/client'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { databaseProblem } from '@/lib/startup/databaseProblem'
import type { Connection } from '@/lib/sqlite/connection'
import { removeOrphanFiles } from '@/lib/uploads/orphanFiles'

import { createStory } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * What Voices does when the machine under it fails: an upload is stored whole or not at all,
 * files a crash left behind are removed, and an unavailable database is answered with 503 (507
 * for a full disk) and a short message, not a stack or a 500, until it is back.
 */
let payload: Payload
let token = ''
const sqliteOnly = process.env.VOICES_TEST_DB !== 'mongodb'
const mediaDir = () => path.join(process.env.VOICES_DATA_DIR!, 'media')
const mediaFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).sort() : [])

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
})

afterAll(() => stopPayload(payload))

const png = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#884422' } })
    .png()
    .toBuffer()

async function upload(): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'photo.png')
  form.append('_payload', JSON.stringify({ alt: 'A field at dusk' }))
  return rest('POST', '/api/media', { token, form })
}

type Answer = { status: number; code?: string; message?: string; retryAfter: string | null }
async function answer(response: Response): Promise<Answer> {
  const body = (await response.json()) as { errors?: Array<{ message?: string; data?: { code?: string } }> }
  return {
    status: response.status,
    code: body.errors?.[0]?.data?.code,
    message: body.errors?.[0]?.message,
    retryAfter: response.headers.get('retry-after'),
  }
}

describe.runIf(sqliteOnly)('an upload', () => {
  it('whose record cannot be saved leaves none of its files behind', async () => {
    expect((await upload()).status).toBe(201)
    const before = mediaFiles()
    const count = (await payload.count({ collection: 'media' })).totalDocs
    const hooks = payload.collections.media.config.hooks.afterChange
    const fail: CollectionAfterChangeHook = () => {
      throw new Error('the database went away')
    }
    hooks.push(fail)
    try {
      expect((await upload()).status).toBeGreaterThanOrEqual(400)
    } finally {
      hooks.splice(hooks.indexOf(fail), 1)
    }
    // The files were written before the record; the rollback took them away again.
    expect(mediaFiles()).toEqual(before)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(count)
  })

  it('with no room for it on the disk is refused with 507, and nothing is written', async () => {
    const before = mediaFiles()
    const count = (await payload.count({ collection: 'media' })).totalDocs
    const full = vi.spyOn(fs, 'statfsSync').mockReturnValue({ bavail: 10, bsize: 4096 } as fs.StatsFs)
    try {
      const refused = await answer(await upload())
      expect(refused.status).toBe(507)
      expect(refused.code).toBe('storageFull')
      expect(refused.message).toMatch(/no room left/)
    } finally {
      full.mockRestore()
    }
    expect(mediaFiles()).toEqual(before)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(count)
  })
})

describe.runIf(sqliteOnly)('files a crash left behind', () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60 * 1000)
  /** A file of the media folder without a record, last written `minutes` ago. */
  function unrecorded(name: string, minutes: number): void {
    const file = path.join(mediaDir(), name)
    fs.writeFileSync(file, 'half an image')
    fs.utimesSync(file, minutesAgo(minutes), minutesAgo(minutes))
  }

  it('are removed once ten minutes old; recorded files stay, and so does an upload still being stored', async () => {
    expect((await upload()).status).toBe(201)
    const kept = mediaFiles()
    unrecorded('cut-off-upload.webp', 11)
    unrecorded('cut-off-upload-400x300.webp', 11)
    // Being stored by another process (the server, while a jobs worker, the seed or a backup
    // starts): its record is not committed yet, and the file must still be there when it is.
    unrecorded('being-stored.webp', 0)
    unrecorded('being-stored-400x300.webp', 9)
    const removed = await removeOrphanFiles(payload)
    expect(removed.sort()).toEqual(['media/cut-off-upload-400x300.webp', 'media/cut-off-upload.webp'])
    expect(mediaFiles()).toEqual([...kept, 'being-stored-400x300.webp', 'being-stored.webp'].sort())
    // Never recorded, they go too, once ten minutes old.
    const later = new Date(Date.now() + 11 * 60 * 1000)
    expect((await removeOrphanFiles(payload, later)).sort()).toEqual([
      'media/being-stored-400x300.webp',
      'media/being-stored.webp',
    ])
    expect(mediaFiles()).toEqual(kept)
  })

  const claimsDir = () => path.join(process.env.VOICES_DATA_DIR!, 'uploads-under-way')
  const claims = () => (fs.existsSync(claimsDir()) ? fs.readdirSync(claimsDir()).sort() : [])
  /** This machine and process-id namespace, as a claim names them. */
  const here = `${os.hostname()} ${fs.readlinkSync('/proc/self/ns/pid')}`
  /** A process that has come and gone: its id is free again. */
  const endedPid = () => {
    const child = spawnSync(process.execPath, ['-e', ''])
    return child.pid!
  }
  /** Who left the claim, and whether its young files go at once. */
  const judged: Array<{ who: string; claim: () => Record<string, unknown>; cutOff: boolean }> = [
    {
      who: 'a process of this machine that has ended',
      claim: () => ({ space: here, pid: endedPid(), boot: randomUUID() }),
      cutOff: true,
    },
    {
      who: 'an earlier server given this process id (as in a container)',
      claim: () => ({ space: here, pid: process.pid, boot: randomUUID() }),
      cutOff: true,
    },
    {
      who: 'a process of this machine still running',
      claim: () => ({ space: here, pid: process.ppid, boot: randomUUID() }),
      cutOff: false,
    },
    {
      who: 'a process of another machine sharing the folder',
      claim: () => ({ space: `not-${here}`, pid: endedPid(), boot: randomUUID() }),
      cutOff: false,
    },
    {
      who: 'a container of this host numbering its processes on its own',
      claim: () => ({ space: `${os.hostname()} pid:[1]`, pid: endedPid(), boot: randomUUID() }),
      cutOff: false,
    },
  ]

  for (const { who, claim, cutOff } of judged) {
    it(`claimed by ${who} ${cutOff ? 'are removed at once, young as they are' : 'wait for the ten minutes'}`, async () => {
      const kept = mediaFiles()
      unrecorded('claimed.webp', 0)
      unrecorded('claimed-400x300.webp', 1)
      unrecorded('unclaimed.webp', 0)
      fs.mkdirSync(claimsDir(), { recursive: true })
      const file = path.join(claimsDir(), `${randomUUID()}.json`)
      fs.writeFileSync(
        file,
        JSON.stringify({ ...claim(), where: 'media', names: ['claimed.webp', 'claimed-400x300.webp'] }),
      )
      try {
        const removed = await removeOrphanFiles(payload)
        const claimed = ['claimed-400x300.webp', 'claimed.webp']
        expect(removed.sort()).toEqual(cutOff ? claimed.map((name) => `media/${name}`) : [])
        expect(mediaFiles()).toEqual([...kept, ...(cutOff ? [] : claimed), 'unclaimed.webp'].sort())
        // A claim that has said what it knew is gone; one whose process may still be at work stays.
        expect(fs.existsSync(file)).toBe(!cutOff)
      } finally {
        fs.rmSync(file, { force: true })
        await removeOrphanFiles(payload, new Date(Date.now() + 11 * 60 * 1000))
      }
      expect(mediaFiles()).toEqual(kept)
    })
  }

  it('are claimed while an upload writes them, and the claim is taken back whether it is saved or not', async () => {
    const seen: Array<{ claimed: string[]; written: string[] }> = []
    const hooks = payload.collections.media.config.hooks.afterChange
    const look: CollectionAfterChangeHook = ({ doc }) => {
      const written = [doc.filename, ...Object.values(doc.sizes as Record<string, { filename: string | null }>)]
        .map((size) => (typeof size === 'string' ? size : size.filename))
        .filter((name): name is string => Boolean(name))
      const all = claims().map(
        (name) => (JSON.parse(fs.readFileSync(path.join(claimsDir(), name), 'utf8')) as { names: string[] }).names,
      )
      for (const claimed of all.filter((names) => names.includes(doc.filename))) seen.push({ claimed, written })
    }
    const fail: CollectionAfterChangeHook = () => {
      throw new Error('the database went away')
    }
    hooks.push(look)
    try {
      expect((await upload()).status).toBe(201)
      expect(seen).toHaveLength(1)
      expect(seen[0]!.written.length, 'the file and its sizes').toBeGreaterThan(3)
      expect(seen[0]!.claimed.sort(), 'the file and each of its sizes').toEqual(seen[0]!.written.sort())
      expect(claims()).toEqual([])
      hooks.push(fail)
      expect((await upload()).status).toBeGreaterThanOrEqual(400)
      expect(seen).toHaveLength(2)
      expect(claims()).toEqual([])
    } finally {
      for (const hook of [look, fail]) if (hooks.includes(hook)) hooks.splice(hooks.indexOf(hook), 1)
    }
  })

  it('are still stored, and swept, when no claim can be left', async () => {
    fs.rmSync(claimsDir(), { recursive: true, force: true })
    // A file where the claims folder should be: nothing can be written there, nor read.
    fs.writeFileSync(claimsDir(), 'not a folder')
    try {
      const before = mediaFiles().length
      expect((await upload()).status).toBe(201)
      expect(mediaFiles().length).toBeGreaterThan(before)
      await expect(removeOrphanFiles(payload)).resolves.toEqual([])
    } finally {
      fs.rmSync(claimsDir(), { force: true })
    }
  })

  it('are removed hourly by a job on the queue, not only when Payload starts', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'removeOrphanFiles')
    expect(task?.schedule).toMatchObject([{ cron: '47 * * * *', queue: 'default' }])
    const kept = mediaFiles()
    unrecorded('cut-off-after-start.webp', 11)
    const job = await payload.jobs.queue({ task: 'removeOrphanFiles', input: {} })
    await payload.jobs.runByID({ id: job.id })
    const done = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 }).catch(() => null)
    // A job that completed is kept or deleted by Payload's settings; either way it did not fail.
    expect(done?.hasError ?? false).toBe(false)
    expect(mediaFiles()).toEqual(kept)
  })
})

describe.runIf(sqliteOnly)('a database that cannot be used', () => {
  const reader = () => (payload.db as unknown as { client: { reader: Connection } }).client.reader

  it('is answered with 503 and a short message, and served again once it is back', async () => {
    const story = await createStory(payload)
    const connection = reader()
    const broken = vi
      .spyOn(connection, 'current')
      .mockRejectedValue(new LibsqlError('disk I/O error', 'SQLITE_IOERR', 10))
    try {
      const down = await answer(await rest('GET', '/api/stories'))
      expect(down.status).toBe(503)
      expect(down.code).toBe('databaseUnavailable')
      expect(down.message).toMatch(/cannot be reached just now/)
      expect(down.retryAfter).toBe('30')
      // An editor's save too: her session cannot be looked up, which is not "forbidden".
      const save = await answer(await rest('PATCH', `/api/stories/${story.id}`, { token, body: { title: 'Lost?' } }))
      expect(save.status).toBe(503)
      expect(save.code).toBe('databaseUnavailable')
    } finally {
      broken.mockRestore()
    }
    const back = await rest('GET', '/api/stories')
    expect(back.status).toBe(200)
    expect(((await back.json()) as { totalDocs: number }).totalDocs).toBeGreaterThan(0)
  })

  it('whose file is moved away is answered with 503, never replaced by an empty one, and used again once back', async () => {
    await createStory(payload)
    const file = process.env.DATABASE_URI!.slice('file:'.length)
    fs.renameSync(file, `${file}.away`)
    try {
      await expect
        .poll(async () => (await answer(await rest('GET', '/api/stories'))).code, { timeout: 20_000 })
        .toBe('databaseUnavailable')
      expect(fs.existsSync(file)).toBe(false)
    } finally {
      fs.renameSync(`${file}.away`, file)
    }
    await expect.poll(async () => (await rest('GET', '/api/stories')).status, { timeout: 20_000 }).toBe(200)
  }, 60_000)

  it('held by another process answers a write with 503 when the wait runs out, then writes again', async () => {
    const story = await createStory(payload)
    const other = createClient({ url: process.env.DATABASE_URI! })
    await other.execute('BEGIN IMMEDIATE')
    try {
      const busy = await answer(await rest('PATCH', `/api/stories/${story.id}`, { token, body: { title: 'Waited' } }))
      expect(busy.status).toBe(503)
      expect(busy.code).toBe('databaseBusy')
      // Reads go on meanwhile.
      expect((await rest('GET', `/api/stories/${story.id}`, { token })).status).toBe(200)
    } finally {
      await other.execute('ROLLBACK')
      other.close()
    }
    const saved = await rest('PATCH', `/api/stories/${story.id}`, { token, body: { title: 'Saved after all' } })
    expect(saved.status, await saved.clone().text()).toBe(200)
  }, 60_000)
})

describe('a database that cannot be opened at start', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'a missing folder',
      Object.assign(new Error('x'), { code: 'VOICES_NO_DATABASE_FOLDER', folder: '/srv/gone' }),
      /the database folder \/srv\/gone does not exist/,
    ],
    ['a read-only file', new LibsqlError('attempt to write a readonly database', 'SQLITE_READONLY', 8), /is read-only/],
    [
      'a lock held by another process',
      new LibsqlError('database is locked', 'SQLITE_BUSY', 5),
      /locked by another process/,
    ],
    [
      'a file it cannot open',
      new Error('ConnectionFailed("Unable to open connection to local database /x: 14")'),
      /cannot be opened/,
    ],
    ['an address it cannot use', new LibsqlError('unsupported', 'URL_SCHEME_NOT_SUPPORTED'), /not a database address/],
    [
      'an address it cannot use, as Payload rewords it',
      new Error('Error: cannot connect to SQLite: URL_SCHEME_NOT_SUPPORTED: got "postgres:"'),
      /not a database address/,
    ],
  ]

  it.each(cases)('is told in one line naming the setting: %s', (_what, error, expected) => {
    const before = process.env.DATABASE_URI
    try {
      process.env.DATABASE_URI = 'libsql://voices:s3cret-password@db.example.org/voices?authToken=s3cret-token'
      const withUri = databaseProblem(error)!
      expect(withUri).toMatch(expected)
      expect(withUri).toContain('DATABASE_URI')
      expect(withUri).not.toMatch(/s3cret/)
      delete process.env.DATABASE_URI
      expect(databaseProblem(error)).toContain('VOICES_DATA_DIR')
    } finally {
      process.env.DATABASE_URI = before
    }
  })

  it('leaves other failures to be told as they are', () => {
    expect(databaseProblem(new Error('PAYLOAD_SECRET is not set'))).toBeNull()
  })
})
