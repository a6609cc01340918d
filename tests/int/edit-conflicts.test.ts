import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStory } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Two editors saving the same story at once: neither edit is silently lost. A save that carries
 * the `updatedAt` its editor last saw is refused with 409 when someone saved in between
 * (collections/Stories/hooks/refuseStaleEdits.ts); the admin sends it with every save.
 */
let payload: Payload
let alice = ''
let bea = ''

beforeAll(async () => {
  payload = await startPayload()
  alice = await tokenFor(payload, (await createStaff(payload, 'editor')).email)
  bea = await tokenFor(payload, (await createStaff(payload, 'editor')).email)
})

afterAll(() => stopPayload(payload))

type Saved = { status: number; doc?: { title?: string; updatedAt?: string }; code?: string; message?: string }

async function save(token: string, id: string, data: Record<string, unknown>, query = ''): Promise<Saved> {
  const response = await rest('PATCH', `/api/stories/${id}${query}`, { token, body: data })
  const body = (await response.json()) as {
    doc?: Saved['doc']
    errors?: Array<{ message?: string; data?: { code?: string } }>
  }
  return {
    status: response.status,
    doc: body.doc,
    code: body.errors?.[0]?.data?.code,
    message: body.errors?.[0]?.message,
  }
}

/** What an editor's admin has in hand after opening the story: its latest saved time. */
async function open(token: string, id: string): Promise<string> {
  const response = await rest('GET', `/api/stories/${id}?draft=true&depth=0`, { token })
  return ((await response.json()) as { updatedAt: string }).updatedAt
}

const storedTitle = async (id: string) =>
  (await payload.findByID({ collection: 'stories', id, draft: true, depth: 0 })).title

describe('two editors saving the same story', () => {
  it('refuses the second save, over the first, with 409 and a message, and keeps the first', async () => {
    const story = await createStory(payload)
    const aliceSaw = await open(alice, story.id)
    const beaSaw = await open(bea, story.id)
    const first = await save(alice, story.id, { title: 'Alice’s title', updatedAt: aliceSaw })
    expect(first.status).toBe(200)
    const second = await save(bea, story.id, { title: 'Bea’s title', updatedAt: beaSaw })
    expect(second.status).toBe(409)
    expect(second.code).toBe('editConflict')
    expect(second.message).toMatch(/Someone else saved this story after you opened it/)
    expect(await storedTitle(story.id)).toBe('Alice’s title')
    // Having reloaded, Bea saves over Alice's version on purpose.
    const again = await save(bea, story.id, { title: 'Bea’s title', updatedAt: await open(bea, story.id) })
    expect(again.status).toBe(200)
    expect(await storedTitle(story.id)).toBe('Bea’s title')
  })

  it('lets exactly one of two saves made at the same moment through', async () => {
    const story = await createStory(payload)
    const saw = await open(alice, story.id)
    const results = await Promise.all([
      save(alice, story.id, { title: 'From Alice', updatedAt: saw }),
      save(bea, story.id, { title: 'From Bea', updatedAt: saw }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = results.find((r) => r.status === 200)!
    expect(await storedTitle(story.id)).toBe(winner.doc?.title)
  })

  it('refuses a stale draft save and a stale publish alike', async () => {
    const story = await createStory(payload)
    const saw = await open(alice, story.id)
    expect((await save(bea, story.id, { title: 'Bea drafts' }, '?draft=true')).status).toBe(200)
    const draft = await save(alice, story.id, { title: 'Alice drafts', updatedAt: saw }, '?draft=true&autosave=true')
    expect(draft.code).toBe('editConflict')
    const publish = await save(alice, story.id, { title: 'Alice publishes', _status: 'published', updatedAt: saw })
    expect(publish.code).toBe('editConflict')
    expect(await storedTitle(story.id)).toBe('Bea drafts')
  })
})

describe('one editor saving as she goes', () => {
  it('autosaves and publishes with the time each save gave back, never refused', async () => {
    const story = await createStory(payload, { _status: 'draft' })
    let saw = await open(alice, story.id)
    for (const title of ['Typing', 'Typing more', 'Typing still more']) {
      const saved = await save(alice, story.id, { title, updatedAt: saw }, '?draft=true&autosave=true')
      expect(saved.status, saved.message).toBe(200)
      saw = saved.doc!.updatedAt!
    }
    const published = await save(alice, story.id, { title: 'Done', _status: 'published', updatedAt: saw })
    expect(published.status, published.message).toBe(200)
    expect(await storedTitle(story.id)).toBe('Done')
  })

  it('saves as before when the client sends no updatedAt', async () => {
    const story = await createStory(payload)
    expect((await save(alice, story.id, { title: 'One' })).status).toBe(200)
    expect((await save(bea, story.id, { title: 'Two' })).status).toBe(200)
    expect(await storedTitle(story.id)).toBe('Two')
  })

  it('restores an earlier version, which carries that version’s own time', async () => {
    const story = await createStory(payload)
    await save(alice, story.id, { title: 'Later title' })
    const { docs } = await payload.findVersions({ collection: 'stories', where: { parent: { equals: story.id } } })
    const first = docs.find((v) => v.version.title === story.title)!
    const response = await rest('POST', `/api/stories/versions/${first.id}`, { token: alice })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await storedTitle(story.id)).toBe(story.title)
  })
})
