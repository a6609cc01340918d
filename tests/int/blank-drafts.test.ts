import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blankDraftGraceMs, removeBlankDrafts } from '@/lib/workflow/blankDrafts'
import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'

import { schedulePublish } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * "Create new" on stories saves an empty draft at once (Payload's autosave needs a document to
 * save to). The hourly clean-up removes such drafts once nobody can still be looking at them,
 * and never anything anyone wrote, published or scheduled.
 */

let payload: Payload
let editor: User
let token: string

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'editor')
  token = await tokenFor(payload, editor.email)
})

afterAll(() => stopPayload(payload))

/** What the admin does when an editor opens "Create new" on stories. */
async function openCreateNew(): Promise<string> {
  const doc = await payload.create({
    collection: 'stories',
    data: {},
    draft: true,
    depth: 0,
    user: editor,
    overrideAccess: false,
  } as unknown as Parameters<Payload['create']>[0])
  return String(doc.id)
}

/** An autosave from the admin, as the editor types. */
async function autosave(id: string, data: Record<string, unknown>, locale = 'en') {
  const response = await rest('PATCH', `/api/stories/${id}?autosave=true&draft=true&locale=${locale}&depth=0`, {
    token,
    body: data,
  })
  expect(response.status, await response.clone().text()).toBe(200)
}

const exists = async (id: string) =>
  (await payload.count({ collection: 'stories', where: { id: { equals: id } } })).totalDocs === 1

const later = (ms = blankDraftGraceMs + 60_000) => new Date(Date.now() + ms)

async function cleanUp(now = later()) {
  return removeBlankDrafts(await requestAs(payload, null), now)
}

const cases: Array<{ name: string; make: () => Promise<string>; removed: boolean; now?: Date }> = [
  { name: 'opened and left', make: openCreateNew, removed: true },
  {
    name: 'opened and left moments ago (she may still be on the page)',
    make: openCreateNew,
    removed: false,
    now: later(60_000),
  },
  {
    name: 'a title typed',
    make: async () => {
      const id = await openCreateNew()
      await autosave(id, { title: 'Half a thought' })
      return id
    },
    removed: false,
  },
  {
    name: 'a title typed and then deleted again',
    make: async () => {
      const id = await openCreateNew()
      await autosave(id, { title: 'Gone' })
      await autosave(id, { title: '' })
      return id
    },
    removed: false,
  },
  {
    name: 'only a Russian title',
    make: async () => {
      const id = await openCreateNew()
      await autosave(id, { title: 'Начало' }, 'ru')
      return id
    },
    removed: false,
  },
  {
    name: 'only text in the body',
    make: async () => {
      const id = await openCreateNew()
      await autosave(id, { body: richText('The first line.') })
      return id
    },
    removed: false,
  },
  {
    name: 'created by the API with only a tag',
    make: async () => {
      const tag = await payload.create({ collection: 'tags', data: { name: 'Kept', slug: '' } })
      const doc = await payload.create({
        collection: 'stories',
        data: { tags: [tag.id] } as never,
        draft: true,
        depth: 0,
      })
      return String(doc.id)
    },
    removed: false,
  },
  {
    name: 'created by the API with only a review status',
    make: async () => {
      const doc = await payload.create({
        collection: 'stories',
        data: { reviewStatus: 'inReview' } as never,
        draft: true,
        depth: 0,
      })
      return String(doc.id)
    },
    removed: false,
  },
  {
    name: 'published',
    make: async () => {
      const doc = await payload.create({
        collection: 'stories',
        data: { title: 'Live', slug: '', body: richText('Out there.'), _status: 'published' },
        depth: 0,
      })
      return String(doc.id)
    },
    removed: false,
  },
  {
    name: 'untitled but scheduled to publish',
    make: async () => {
      const id = await openCreateNew()
      await schedulePublish(payload, id, editor.id, later(24 * 60 * 60 * 1000))
      return id
    },
    removed: false,
  },
]

describe('untitled drafts nobody wrote in', () => {
  for (const { name, make, removed, now } of cases) {
    it(`${name}: ${removed ? 'removed' : 'kept'}`, async () => {
      const id = await make()
      const gone = await cleanUp(now)
      expect(gone.some((doc) => String(doc.id) === id)).toBe(removed)
      expect(await exists(id)).toBe(!removed)
    })
  }

  it('removed with their only version', async () => {
    const id = await openCreateNew()
    await cleanUp()
    expect((await payload.countVersions({ collection: 'stories', where: { parent: { equals: id } } })).totalDocs).toBe(
      0,
    )
  })

  it('run hourly as a job on the queue the server runs', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'removeBlankDrafts')
    expect(task?.schedule).toMatchObject([{ cron: '17 * * * *', queue: 'default' }])
  })
})

describe('programs', () => {
  it('do not autosave, so opening "Create new" saves nothing', () => {
    const drafts = payload.collections.programs.config.versions?.drafts
    expect(drafts && drafts.autosave).toBeFalsy()
  })
})
