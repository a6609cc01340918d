import type { Payload, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'

import { png } from '../helpers/accessTable'
import { createStory, signedOff, writtenConsent } from '../helpers/content'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

vi.mock('next/cache', () => ({ revalidateTag: vi.fn(), unstable_cache: (read: unknown) => read }))

/**
 * Every way a published story leaves the site expires the pages that showed it (`shows:<slug>`):
 * its own page, lists, feeds, and searches already made, which are cached by their words. Each
 * row takes a story down by one path, as a request to the site makes it (REST, the admin), on
 * the real collections and hooks; the last rows change it without taking it down.
 */
let payload: Payload
let editor: User

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'admin')
})

afterAll(() => stopPayload(payload))

beforeEach(() => vi.mocked(revalidateTag).mockClear())

/** A request as the admin makes it: tags are expired through Next.js, as in the server. */
async function siteRequest(): Promise<PayloadRequest> {
  const req = await createLocalReq({ user: { ...editor, collection: 'users' } }, payload)
  req.payloadAPI = 'REST'
  return req
}

async function draftOver(id: string, req: PayloadRequest) {
  await payload.update({ collection: 'stories', id, draft: true, data: { body: richText('A newer draft.') }, req })
}

const expired = () =>
  vi
    .mocked(revalidateTag)
    .mock.calls.filter(([, profile]) => typeof profile === 'object' && profile?.expire === 0)
    .map(([tag]) => tag)

type Row = [string, (story: { id: string; slug: string }) => Promise<unknown>, boolean]

const rows: Row[] = [
  [
    'unpublished',
    async ({ id }) =>
      payload.update({ collection: 'stories', id, data: { _status: 'draft' }, req: await siteRequest() }),
    true,
  ],
  [
    'unpublished by restoring a draft saved over it',
    async ({ id }) => {
      const req = await siteRequest()
      await draftOver(id, req)
      const [latest] = (
        await payload.findVersions({
          collection: 'stories',
          where: { parent: { equals: id } },
          sort: '-updatedAt',
          limit: 1,
        })
      ).docs
      expect(latest!.version._status).toBe('draft')
      vi.mocked(revalidateTag).mockClear()
      await payload.restoreVersion({ collection: 'stories', id: String(latest!.id), req: await siteRequest() })
      expect((await payload.findByID({ collection: 'stories', id, depth: 0 }))._status).toBe('draft')
    },
    true,
  ],
  [
    'unpublished in a bulk update',
    async ({ id }) =>
      payload.update({
        collection: 'stories',
        where: { id: { equals: id } },
        data: { _status: 'draft' },
        req: await siteRequest(),
      }),
    true,
  ],
  ['deleted', async ({ id }) => payload.delete({ collection: 'stories', id, req: await siteRequest() }), true],
  [
    'taken down as her consent is withdrawn',
    async ({ id }) => {
      const person = await payload.create({
        collection: 'participants',
        data: { publicName: 'Renewal test', legalName: 'Renewal Test Person', consent: writtenConsent(['name']) },
      })
      await payload.update({
        collection: 'stories',
        id,
        data: { featuredParticipants: [person.id] },
        context: signedOff,
      })
      vi.mocked(revalidateTag).mockClear()
      await payload.update({
        collection: 'participants',
        id: person.id,
        data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
        req: await siteRequest(),
      })
    },
    true,
  ],
  // Control rows: nothing leaves the site, so nothing it showed need expire.
  ['given a draft that is not published', async ({ id }) => draftOver(id, await siteRequest()), false],
]

describe('a published story that leaves the site expires every page that showed it', () => {
  it.each(rows)('when %s', async (_, change, leaves) => {
    const story = await createStory(payload)
    await change({ id: story.id, slug: story.slug! })
    const stillPublished = await payload
      .find({ collection: 'stories', where: { id: { equals: story.id }, _status: { equals: 'published' } }, depth: 0 })
      .then((found) => found.totalDocs === 1)
    expect(stillPublished).toBe(!leaves)
    if (leaves) expect(expired()).toContain(`shows:${story.slug}`)
    else expect(expired()).not.toContain(`shows:${story.slug}`)
  })
})

describe('an image renews the site only while the public can see it', () => {
  // Any member of staff may upload: were every upload to expire every page with an image, a
  // contributor could have the whole site rendered again at will.
  it('uploading, describing and deleting an image no page shows expires nothing', async () => {
    const contributor = await createStaff(payload, 'contributor')
    const asContributor = async () => {
      const req = await createLocalReq({ user: { ...contributor, collection: 'users' } }, payload)
      req.payloadAPI = 'REST'
      return req
    }
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'Shown nowhere' },
      file: await png(),
      req: await asContributor(),
    })
    expect(image.public).toBe(false)
    await payload.update({
      collection: 'media',
      id: image.id,
      data: { alt: 'Still shown nowhere' },
      req: await asContributor(),
    })
    await payload.delete({ collection: 'media', id: image.id, req: await siteRequest() })
    expect(expired()).toEqual([])
  })

  it('describing an image a published story shows expires the pages with images', async () => {
    const image = await payload.create({ collection: 'media', data: { alt: 'Shown' }, file: await png() })
    await createStory(payload, { heroImage: image.id })
    expect((await payload.findByID({ collection: 'media', id: image.id, depth: 0 })).public).toBe(true)
    vi.mocked(revalidateTag).mockClear()
    await payload.update({
      collection: 'media',
      id: image.id,
      data: { alt: 'Shown, described anew' },
      req: await siteRequest(),
    })
    expect(expired()).toContain('media')
  })
})
