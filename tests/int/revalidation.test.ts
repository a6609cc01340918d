import type { Payload, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { revalidateCollection, revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { revalidationToken } from '@/lib/site/revalidationToken'

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }))

const payload = { logger: { debug: vi.fn(), warn: vi.fn() } } as unknown as Payload

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
    expect(calls).toEqual([{ authorized: true, tags: ['stories'] }])
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
    expect(calls).toEqual([{ authorized: true, tags: ['stories'] }])
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
    expect(calls).toEqual([{ authorized: true, tags: ['stories'] }])
  })

  it('the revalidation route accepts only the token and known tags', async () => {
    const { POST } = await import('@/app/(frontend)/next/revalidate/route')
    const post = (token: string, tags: unknown) =>
      POST(
        new Request('http://site/next/revalidate', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: JSON.stringify({ tags }),
        }),
      )
    expect((await post('guess', ['stories'])).status).toBe(401)
    expect(revalidateTag).not.toHaveBeenCalled()
    expect((await post(revalidationToken(), ['not-a-tag'])).status).toBe(400)
    const accepted = await post(revalidationToken(), ['stories', 'people', 'not-a-tag'])
    expect(accepted.status).toBe(200)
    expect(vi.mocked(revalidateTag).mock.calls.map(([tag]) => tag)).toEqual(['stories', 'people'])
  })
})

type Received = { authorized: boolean; tags: unknown }

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
        tags: (JSON.parse(body) as { tags: unknown }).tags,
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
