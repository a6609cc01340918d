import type { Payload, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { revalidateDeletedStory, revalidateStory } from '@/collections/Stories/hooks/revalidateStory'
import { revalidateCollection, revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { revalidationToken } from '@/lib/site/revalidationToken'

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }))

/** The story as stored in the database, for telling a draft saved over a published story from unpublishing. */
let stored: { _status: string } | null = null
const payload = {
  logger: { debug: vi.fn(), warn: vi.fn() },
  db: { findOne: vi.fn(async () => stored) },
} as unknown as Payload

function req(context: Record<string, unknown> = {}) {
  return { payload, context } as unknown as PayloadRequest
}

type ChangeArgs = Parameters<ReturnType<typeof revalidateCollection>['afterChange']>[0]

function change(doc: object, previousDoc: object | undefined, context?: Record<string, unknown>) {
  return { doc, previousDoc, req: req(context) } as unknown as ChangeArgs
}

const hooks = revalidateCollection('stories')

beforeEach(() => vi.mocked(revalidateTag).mockClear())

describe('revalidating the public site', () => {
  it('expires the tag at once when a story is published, edited while published, or unpublished', () => {
    hooks.afterChange(change({ _status: 'published' }, { _status: 'draft' }))
    hooks.afterChange(change({ _status: 'published' }, { _status: 'published' }))
    hooks.afterChange(change({ _status: 'draft' }, { _status: 'published' }))
    expect(revalidateTag).toHaveBeenCalledTimes(3)
    expect(revalidateTag).toHaveBeenCalledWith('stories', { expire: 0 })
  })

  it('leaves the site alone when only an unpublished draft changes', () => {
    hooks.afterChange(change({ _status: 'draft' }, { _status: 'draft' }))
    hooks.afterChange(change({ _status: 'draft' }, undefined))
    expect(revalidateTag).not.toHaveBeenCalled()
  })

  it('revalidates on delete and for collections without drafts', () => {
    hooks.afterDelete({ doc: { _status: 'draft' }, req: req() } as unknown as Parameters<typeof hooks.afterDelete>[0])
    revalidateCollection('leaders').afterChange(change({}, {}))
    expect(vi.mocked(revalidateTag).mock.calls.map(([tag]) => tag)).toEqual(['stories', 'leaders'])
  })

  it('revalidates globals on every save', () => {
    revalidateGlobal('globals')({ doc: {}, req: req() } as unknown as Parameters<
      ReturnType<typeof revalidateGlobal>
    >[0])
    expect(revalidateTag).toHaveBeenCalledWith('globals', { expire: 0 })
  })

  it('is skipped for bulk writes that ask for it, such as seeding', () => {
    hooks.afterChange(change({ _status: 'published' }, undefined, { disableRevalidate: true }))
    expect(revalidateTag).not.toHaveBeenCalled()
  })

  it('falls back to the site server when Next.js has no request to attach the tags to', async () => {
    vi.mocked(revalidateTag).mockImplementationOnce(() => {
      throw new Error('Invariant: static generation store missing')
    })
    const calls = await listenForRevalidation(async () => {
      expect(() => hooks.afterChange(change({ _status: 'published' }, undefined))).not.toThrow()
    })
    expect(calls).toEqual([{ authorized: true, tags: ['stories'], renewal: 'expire' }])
  })
})

describe('renewing the pages that show a story', () => {
  const published = {
    _status: 'published',
    slug: 'aigerim',
    publishedAt: '2026-01-01',
    program: 'pr1',
    tags: ['t1'],
    dependsOn: ['p1'],
    mediaUsed: ['m1'],
  }
  // Every page that showed it expires (its own, any with its card or a link to it, the feeds and
  // sitemap) and the other pages with stories are refreshed; when it enters the site or moves in
  // its lists, every page with stories expires.
  const showing = (...slugs: string[]) => [
    ...slugs.flatMap((slug) => [
      [`story:${slug}`, { expire: 0 }],
      [`shows:${slug}`, { expire: 0 }],
    ]),
    ['stories-in-full', { expire: 0 }],
    ['stories', 'max'],
  ]
  const everything = (...slugs: string[]) => [
    ['stories', { expire: 0 }],
    ...showing(...slugs).filter(([tag]) => tag !== 'stories'),
  ]
  const table: Array<[string, object | undefined, object, unknown[], string?]> = [
    ['first publish', undefined, published, everything('aigerim')],
    ['publishing a draft', { ...published, _status: 'draft' }, published, everything('aigerim')],
    ['rewording what is published', published, { ...published, title: 'New words' }, showing('aigerim')],
    ['unpublishing', published, { ...published, _status: 'draft' }, showing('aigerim'), 'draft'],
    ['saving a draft over what is published', published, { ...published, _status: 'draft', id: 7 }, [], 'published'],
    [
      'unpublishing after a draft was saved',
      published,
      { ...published, _status: 'draft', id: 7 },
      showing('aigerim'),
      'draft',
    ],
    [
      'a consent takedown',
      published,
      { ...published, _status: 'draft', dependsOn: [], id: 7 },
      showing('aigerim'),
      'draft',
    ],
    ['featuring someone else', published, { ...published, dependsOn: ['p1', 'p2'] }, showing('aigerim')],
    ['another image', published, { ...published, mediaUsed: ['m2'] }, showing('aigerim')],
    ['a new address', published, { ...published, slug: 'aigerim-2' }, everything('aigerim-2', 'aigerim')],
    ['another date', published, { ...published, publishedAt: '2026-01-02' }, everything('aigerim')],
    ['another program', published, { ...published, program: 'pr2' }, everything('aigerim')],
    ['the same program, populated', published, { ...published, program: { id: 'pr1' } }, showing('aigerim')],
    ['another tag', published, { ...published, tags: ['t1', 't2'] }, everything('aigerim')],
    ['saving a draft of an unpublished story', { ...published, _status: 'draft' }, { _status: 'draft' }, []],
  ]

  it.each(table)('%s', async (_, previousDoc, doc, expected, storedStatus = 'published') => {
    stored = { _status: storedStatus }
    await revalidateStory(change(doc, previousDoc))
    const calls = vi.mocked(revalidateTag).mock.calls
    expect(calls).toEqual(expect.arrayContaining(expected))
    expect(calls).toHaveLength(expected.length)
  })

  it('expires everything when a story is deleted', () => {
    revalidateDeletedStory({ doc: published, req: req() } as unknown as Parameters<typeof revalidateDeletedStory>[0])
    expect(vi.mocked(revalidateTag).mock.calls).toEqual(expect.arrayContaining(showing('aigerim')))
    expect(vi.mocked(revalidateTag).mock.calls).toHaveLength(showing('aigerim').length)
  })

  it('asks the site server for the same renewals from a job', async () => {
    const jobReq = { payload, context: {}, payloadAPI: 'local' } as unknown as PayloadRequest
    const calls = await listenForRevalidation(async () => {
      await revalidateStory({
        doc: { ...published, title: 'New words' },
        previousDoc: published,
        req: jobReq,
      } as unknown as ChangeArgs)
    })
    expect(calls).toEqual(
      expect.arrayContaining([
        { authorized: true, tags: ['story:aigerim', 'shows:aigerim', 'stories-in-full'], renewal: 'expire' },
        { authorized: true, tags: ['stories'], renewal: 'refresh' },
      ]),
    )
  })
})

describe('revalidating from jobs (outside any request to the site)', () => {
  it('asks the site server over HTTP, only once the write has committed', async () => {
    const jobReq = { payload, context: {}, payloadAPI: 'local', transactionID: 'tx-1' } as unknown as PayloadRequest
    const calls = await listenForRevalidation(async (received) => {
      hooks.afterChange({
        doc: { _status: 'published' },
        previousDoc: { _status: 'draft' },
        req: jobReq,
      } as unknown as ChangeArgs)
      await new Promise((resolve) => setTimeout(resolve, 200))
      // Still inside its transaction: a visitor could otherwise cache the old story again.
      expect(received).toEqual([])
      delete (jobReq as { transactionID?: string }).transactionID
    })
    expect(revalidateTag).not.toHaveBeenCalled()
    expect(calls).toEqual([{ authorized: true, tags: ['stories'], renewal: 'expire' }])
  })

  it('does not wait when the database runs without a transaction', async () => {
    // Payload leaves a promise of `null` on the request when the adapter opens no transaction.
    const jobReq = {
      payload,
      context: {},
      payloadAPI: 'local',
      transactionID: Promise.resolve(null),
    } as unknown as PayloadRequest
    // listenForRevalidation stops listening after 5 s, long before the 30 s wait for a commit.
    const calls = await listenForRevalidation(async () => {
      hooks.afterChange({ doc: { _status: 'published' }, previousDoc: undefined, req: jobReq } as unknown as ChangeArgs)
    })
    expect(calls).toEqual([{ authorized: true, tags: ['stories'], renewal: 'expire' }])
  })

  it('the revalidation route accepts only the token and known tags', async () => {
    const { POST } = await import('@/app/(frontend)/next/revalidate/route')
    const post = (token: string, tags: unknown, renewal?: unknown) =>
      POST(
        new Request('http://site/next/revalidate', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify({ tags, renewal }),
        }),
      )
    expect((await post('guess', ['stories'])).status).toBe(401)
    expect(revalidateTag).not.toHaveBeenCalled()
    expect((await post(revalidationToken(), ['not-a-tag'])).status).toBe(400)
    const accepted = await post(revalidationToken(), ['stories', 'people', 'not-a-tag'])
    expect(accepted.status).toBe(200)
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      ['stories', { expire: 0 }],
      ['people', { expire: 0 }],
    ])
    vi.mocked(revalidateTag).mockClear()
    expect((await post(revalidationToken(), ['stories'], 'later')).status).toBe(400)
    expect((await post(revalidationToken(), ['story:no place', 'story:'])).status).toBe(400)
    expect(revalidateTag).not.toHaveBeenCalled()
    expect((await post(revalidationToken(), ['story:aigerim', 'stories'], 'refresh')).status).toBe(200)
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      ['story:aigerim', 'max'],
      ['stories', 'max'],
    ])
  })
})

type Received = { authorized: boolean; tags: unknown; renewal?: unknown }

/** Runs `act` with a stand-in site server listening for revalidation requests; returns what it got. */
async function listenForRevalidation(act: (received: Received[]) => Promise<void>): Promise<Received[]> {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({
        authorized:
          request.url === '/next/revalidate' && request.headers.authorization === `Bearer ${revalidationToken()}`,
        ...(({ tags, renewal }) => ({ tags, renewal }))(JSON.parse(body) as Omit<Received, 'authorized'>),
      })
      response.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  process.env.VOICES_INTERNAL_URL = `http://127.0.0.1:${port}`
  try {
    await act(received)
    for (let waited = 0; received.length === 0 && waited < 5_000; waited += 25)
      await new Promise((r) => setTimeout(r, 25))
    return received
  } finally {
    delete process.env.VOICES_INTERNAL_URL
    await new Promise((resolve) => server.close(resolve))
  }
}
