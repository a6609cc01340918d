import type { Payload, PayloadRequest } from 'payload'

import { createClient } from '@libsql/client'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { afterCommit, onRollback } from '@/lib/sqlite/transactions'

import { createStory, writtenConsent } from '../helpers/content'
import { mentioning } from '../helpers/people'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Every write runs in a transaction (lib/database.ts, lib/sqlite/): an operation and everything
 * its hooks write are saved whole or not at all, readers never wait for writers, and writers in
 * one server queue instead of failing or freezing it.
 */
let payload: Payload
let n = 0

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const sqliteOnly = process.env.VOICES_TEST_DB !== 'mongodb'

async function participant() {
  n += 1
  return payload.create({
    collection: 'participants',
    data: { publicName: `Atomic ${n}`, legalName: `Legal Atomic ${n}`, consent: writtenConsent(['name']) },
  })
}

const statusOf = async (id: string) =>
  (await payload.findByID({ collection: 'stories', id, depth: 0, draft: false }))._status

type VersionArgs = Parameters<Payload['db']['createVersion']>[0]
type UpdateArgs = Parameters<Payload['db']['updateOne']>[0]

/**
 * Makes the takedown fail on one story, as a full disk would: saving the version that marks it
 * taken down throws, after the story itself was written.
 */
function failingOn(storyId: string): () => void {
  const { db } = payload
  const createVersion = db.createVersion
  db.createVersion = function (this: Payload['db'], args: VersionArgs) {
    if (args.collectionSlug === 'stories' && String(args.parent) === storyId) throw new Error('the disk is full')
    return createVersion.call(this, args)
  } as Payload['db']['createVersion']
  return () => void (db.createVersion = createVersion)
}

/** Notes each story the takedown unpublishes, in the order it writes them. */
function watchTakedown(order: string[]): () => void {
  const { db } = payload
  const updateOne = db.updateOne
  db.updateOne = function (this: Payload['db'], args: UpdateArgs) {
    if (args.collection === 'stories' && (args.data as { _status?: string })._status === 'draft')
      order.push(String(args.id))
    return updateOne.call(this, args)
  } as Payload['db']['updateOne']
  return () => void (db.updateOne = updateOne)
}

/**
 * A request with a transaction of its own, as a Payload operation opens one. Opened after an
 * await, so its scope stays with it rather than reaching this test's other writers, which
 * stand for other requests (lib/sqlite/scope.ts).
 */
async function requestWithTransaction(): Promise<PayloadRequest> {
  await Promise.resolve()
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  return req
}

const withdrawn = () => ({ ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() })

describe.runIf(sqliteOnly)('a consent withdrawal', () => {
  it('takes all of her stories down, or none: a failure on one story leaves everything as it was', async () => {
    const person = await participant()
    const stories = [
      await createStory(payload, { featuredParticipants: [person.id] }),
      await createStory(payload, { body: mentioning(person.id) }),
      await createStory(payload, { featuredParticipants: [person.id] }),
    ]
    // The takedown walks the stories in some order: fail on the last one it reaches, so at least
    // one other would already be down without a transaction.
    const order: string[] = []
    const stopWatching = watchTakedown(order)
    try {
      const probe = await participant()
      const probeStories = [
        await createStory(payload, { featuredParticipants: [probe.id] }),
        await createStory(payload, { featuredParticipants: [probe.id] }),
      ]
      await payload.update({ collection: 'participants', id: probe.id, data: { consent: withdrawn() } })
      expect(order.sort()).toEqual(probeStories.map((s) => s.id).sort())
    } finally {
      stopWatching()
    }

    // Whatever order it takes them in, failing on each story in turn leaves all three up.
    for (const failing of stories) {
      const stop = failingOn(failing.id)
      try {
        await expect(
          payload.update({ collection: 'participants', id: person.id, data: { consent: withdrawn() } }),
        ).rejects.toThrow('the disk is full')
      } finally {
        stop()
      }
      for (const story of stories) expect(await statusOf(story.id)).toBe('published')
      const stored = await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: true })
      expect(stored.consent?.withdrawnAt ?? null).toBeNull()
    }

    // And without a failure, all of them come down with it.
    await payload.update({ collection: 'participants', id: person.id, data: { consent: withdrawn() } })
    for (const story of stories) expect(await statusOf(story.id)).toBe('draft')
  })

  it('is not half-seen by a reader: until it commits, readers see every story still up', async () => {
    const person = await participant()
    const story = await createStory(payload, { featuredParticipants: [person.id] })
    const req = await requestWithTransaction()
    try {
      await payload.update({ collection: 'participants', id: person.id, data: { consent: withdrawn() }, req })
      // Inside the transaction the story is down; outside, nothing has happened yet.
      expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0, req }))._status).toBe('draft')
      expect(await statusOf(story.id)).toBe('published')
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    expect(await statusOf(story.id)).toBe('draft')
  })
})

describe.runIf(sqliteOnly)('writers and readers', () => {
  it('queues a second writer behind an open transaction while reads go on', async () => {
    const story = await createStory(payload)
    const req = await requestWithTransaction()
    let secondDone = false
    const second = payload
      .update({ collection: 'stories', id: story.id, data: { title: 'Second writer' }, context: { signOff: {} } })
      .then(() => (secondDone = true))
    try {
      await payload.update({ collection: 'stories', id: story.id, data: { title: 'First writer' }, req })
      // Reads are answered while the transaction is open and the second writer waits.
      for (let i = 0; i < 5; i++) {
        expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })).title).toBe(story.title)
      }
      expect(secondDone).toBe(false)
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    await second
    expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })).title).toBe('Second writer')
  })

  it('lets a write made without `req` inside a transaction join it instead of waiting for it', async () => {
    // Payload queues the reset mail from inside forgotPassword's transaction, without its req.
    const { email } = await createStaff(payload, 'editor')
    await payload.forgotPassword({ collection: 'users', data: { email } })
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { queue: { equals: 'mail' } },
      limit: 100,
    })
    expect(docs.some((job) => (job.input as { message?: { to?: string } }).message?.to === email)).toBe(true)
  })

  it('waits for another process holding the database without stopping this one', async () => {
    const story = await createStory(payload)
    const other = createClient({ url: process.env.DATABASE_URI! })
    await other.execute('BEGIN IMMEDIATE')
    let ticks = 0
    const ticker = setInterval(() => (ticks += 1), 5)
    let written = false
    const write = payload
      .update({
        collection: 'stories',
        id: story.id,
        data: { title: 'After the other process' },
        context: { signOff: {} },
      })
      .then(() => (written = true))
    try {
      // While the other process holds the write lock: reads are answered and timers keep firing.
      for (let i = 0; i < 5; i++) await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
      const before = ticks
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(ticks).toBeGreaterThan(before)
      expect(written).toBe(false)
    } finally {
      clearInterval(ticker)
      await other.execute('ROLLBACK')
      other.close()
    }
    await write
    expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })).title).toBe(
      'After the other process',
    )
  })
})

describe.runIf(sqliteOnly)('work outside the database', () => {
  async function inTransaction(run: (req: PayloadRequest) => Promise<void>, commit: boolean) {
    const req = await requestWithTransaction()
    await run(req)
    if (commit) await commitTransaction(req)
    else await killTransaction(req)
  }

  it('is undone when the transaction rolls back, and finished only when it commits', async () => {
    const events: string[] = []
    await inTransaction(async (req) => {
      expect(await onRollback(req, () => events.push('undo 1'))).toBe(true)
      await afterCommit(req, () => events.push('after 1'))
    }, false)
    await inTransaction(async (req) => {
      await onRollback(req, () => events.push('undo 2'))
      await afterCommit(req, () => events.push('after 2'))
    }, true)
    expect(events).toEqual(['undo 1', 'after 2'])
  })
})
