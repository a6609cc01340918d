import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { pagesChanged } from '@/lib/cache/invalidations.mjs'
import { COPY_SECONDS, createPageCopies } from '@/server/pageCopies.mjs'
import { asksForSearch } from '@/lib/search/searchPaths.mjs'
import { keepSharedCachesHonest } from '@/server/sharedCaches.mjs'
import { askAgainIfSuperseded } from '@/server/supersededRenders.mjs'

/**
 * The production server's copies of cached pages (server/pageCopies.mjs), on a real HTTP server
 * wired as server/start.mjs wires it, with a stand-in for Next.js that counts what reaches it.
 * A copy must never outlive an invalidation, never be made of an answer the page cache did not
 * vouch for, and never answer a request that is not an anonymous plain page view.
 */

let server: http.Server | null = null

afterEach(async () => {
  vi.restoreAllMocks()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void

/** What Next.js sends for a page served from its cache, headers one by one as it does. */
const cachedPage =
  (body = '<p>Aigerim’s story</p>', headers: Record<string, string> = {}): Answer =>
  (_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader(
      'vary',
      'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
    )
    res.setHeader('x-nextjs-cache', 'HIT')
    res.setHeader('content-security-policy', "script-src 'self' 'sha256-abc='")
    res.setHeader('cache-control', 's-maxage=31536000')
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    res.write(body.slice(0, 5))
    res.end(body.slice(5))
  }

async function serve(answer: Answer, { maxBytes = 1024 * 1024 } = {}) {
  const copies = createPageCopies({ maxBytes })
  const reached: string[] = []
  server = http.createServer((req, res) => {
    res.setHeader('x-request-id', `id-${reached.length}-${Math.random()}`)
    if (copies.answer(req, res)) return
    reached.push(`${req.method} ${req.url}`)
    copies.watch(req, res)
    keepSharedCachesHonest(req, res)
    askAgainIfSuperseded(req, res)
    answer(req, res)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { redirect: 'manual', ...init })
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
  }
  return { get, reached, copies }
}

describe('a page the cache served', () => {
  it('is answered from its copy until anything is invalidated, with the same bytes and headers', async () => {
    const { get, reached } = await serve(cachedPage())
    const first = await get('/en/stories/aigerim')
    const second = await get('/en/stories/aigerim')
    expect(reached).toEqual(['GET /en/stories/aigerim'])
    expect(second.body.toString()).toBe('<p>Aigerim’s story</p>')
    expect(second.body.equals(first.body)).toBe(true)
    for (const name of ['content-type', 'vary', 'x-nextjs-cache', 'content-security-policy', 'cache-control']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name))
    }
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(second.headers.get('content-length')).toBe(String(first.body.length))
    // Its own request id, not the first answer's.
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))

    pagesChanged()
    await get('/en/stories/aigerim')
    expect(reached).toHaveLength(2)
    await get('/en/stories/aigerim')
    expect(reached).toHaveLength(2)
  })

  it('is not kept when an invalidation lands while it is being sent', async () => {
    const { get, reached, copies } = await serve((req, res) => {
      res.setHeader('x-nextjs-cache', 'HIT')
      res.write('<p>before her withdrawal')
      pagesChanged()
      res.end('</p>')
    })
    await get('/en/stories/aigerim')
    expect(copies.usage().copies).toBe(0)
    await get('/en/stories/aigerim')
    expect(reached).toHaveLength(2)
  })

  it(`lasts ${COPY_SECONDS} s at most`, async () => {
    const { get, reached } = await serve(cachedPage())
    await get('/en')
    const now = performance.now()
    vi.spyOn(performance, 'now').mockReturnValue(now + COPY_SECONDS * 1000 - 50)
    await get('/en')
    expect(reached).toHaveLength(1)
    vi.spyOn(performance, 'now').mockReturnValue(now + COPY_SECONDS * 1000 + 1)
    await get('/en')
    expect(reached).toHaveLength(2)
  })

  it('is kept per encoding, compressed as it was sent', async () => {
    const html = '<p>Қазақша мәтін</p>'.repeat(50)
    const { get, reached } = await serve((req, res) => {
      res.setHeader('x-nextjs-cache', 'HIT')
      res.setHeader('vary', 'Accept-Encoding')
      if (String(req.headers['accept-encoding']).includes('gzip')) {
        res.setHeader('content-encoding', 'gzip')
        res.end(zlib.gzipSync(html))
      } else res.end(html)
    })
    const gzip = { headers: { 'accept-encoding': 'gzip' } }
    const plain = { headers: { 'accept-encoding': 'identity' } }
    await get('/kk', gzip)
    const copied = await get('/kk', gzip)
    expect(reached).toHaveLength(1)
    expect(copied.headers.get('content-encoding')).toBe('gzip')
    expect(copied.body.toString()).toBe(html)
    const other = await get('/kk', plain)
    expect(reached).toHaveLength(2)
    expect(other.body.toString()).toBe(html)
  })

  it('is dropped, least recently used first, to stay within its room', async () => {
    const { get, reached, copies } = await serve(cachedPage('x'.repeat(10_000)), { maxBytes: 25_000 })
    for (const path of ['/en/a', '/en/b', '/en/a', '/en/c']) await get(path)
    expect(copies.usage().copies).toBe(2)
    await get('/en/a')
    await get('/en/c')
    await get('/en/b')
    expect(reached).toEqual(['GET /en/a', 'GET /en/b', 'GET /en/c', 'GET /en/b'])
  })

  it('counts its address, encodings and headers in its room, however many encodings are made up', async () => {
    const maxBytes = 64 * 1024
    const { get, copies } = await serve(cachedPage('<p>short</p>'), { maxBytes })
    for (let i = 0; i < 400; i++) {
      await get('/en', { headers: { 'accept-encoding': `identity, x${String(i).padStart(50, '0')}` } })
    }
    const { bytes, copies: count } = copies.usage()
    expect(bytes).toBeLessThanOrEqual(maxBytes)
    expect(count).toBeLessThan(400)
    expect(count).toBeGreaterThan(50)
  })

  it('is not kept at all with no room (the page cache off)', async () => {
    const { get, reached, copies } = await serve(cachedPage(), { maxBytes: 0 })
    await get('/en')
    await get('/en')
    expect(reached).toHaveLength(2)
    expect(copies.usage()).toEqual({ copies: 0, bytes: 0 })
  })
})

/** Requests never answered from a copy: each is sent after a plain view of the same page was kept. */
const notAnswered: Array<[string, string, RequestInit]> = [
  ['a signed-in or draft-mode visitor (any cookie)', '/en/stories/aigerim', { headers: { cookie: 'payload-token=x' } }],
  ['credentials', '/en/stories/aigerim', { headers: { authorization: 'Bearer x' } }],
  ['a router fetch', '/en/stories/aigerim', { headers: { rsc: '1' } }],
  ['a router prefetch', '/en/stories/aigerim', { headers: { 'next-router-prefetch': '1' } }],
  ['a router state tree', '/en/stories/aigerim', { headers: { 'next-router-state-tree': '%5B%5D' } }],
  ['a segment prefetch', '/en/stories/aigerim', { headers: { 'next-router-segment-prefetch': '/_tree' } }],
  ['a navigation from a page', '/en/stories/aigerim', { headers: { 'next-url': '/en' } }],
  ['a conditional request', '/en/stories/aigerim', { headers: { 'if-none-match': '"abc"' } }],
  [
    'a dated conditional request',
    '/en/stories/aigerim',
    { headers: { 'if-modified-since': new Date().toUTCString() } },
  ],
  ['a range', '/en/stories/aigerim', { headers: { range: 'bytes=0-10' } }],
  ['HEAD', '/en/stories/aigerim', { method: 'HEAD' }],
  ['POST', '/en/stories/aigerim', { method: 'POST', body: 'x' }],
]

describe('a request that is not an anonymous page view', () => {
  it.each(notAnswered)('is never answered from a copy: %s', async (_, path, init) => {
    const { get, reached } = await serve(cachedPage())
    await get(path)
    await get(path)
    expect(reached).toHaveLength(1)
    await get(path, init)
    expect(reached).toHaveLength(2)
  })

  it('is never copied under an encoding list longer than a browser sends', async () => {
    const { get, reached } = await serve(cachedPage())
    const long = { headers: { 'accept-encoding': `gzip, ${'x'.repeat(70)}` } }
    await get('/en', long)
    await get('/en', long)
    expect(reached).toHaveLength(2)
  })

  it.each([
    ['a query string', '/en/search?q=aigerim'],
    ['an address longer than a page’s', `/en/stories/${'a'.repeat(600)}`],
    ['the API', '/api/stories'],
    ['the admin', '/admin'],
    ['Next.js’s own files', '/_next/static/x.js'],
    ['the preview routes', '/next/preview'],
  ])('is never copied: %s', async (_, path) => {
    const { get, reached } = await serve(cachedPage())
    await get(path)
    await get(path)
    expect(reached).toHaveLength(2)
  })
})

/** Answers never copied, even to a plain view: what the page cache did not vouch for, or what varies. */
const notKept: Array<[string, Answer]> = [
  [
    'a fresh render (MISS)',
    (_req, res) => {
      res.setHeader('x-nextjs-cache', 'MISS')
      res.end('<p>new</p>')
    },
  ],
  ['no page-cache mark (a dynamic page)', (_req, res) => res.end('<p>search</p>')],
  [
    'a 404',
    (_req, res) => {
      res.statusCode = 404
      res.setHeader('x-nextjs-cache', 'HIT')
      res.end('<p>not found</p>')
    },
  ],
  ['a cookie set', cachedPage('<p>x</p>', { 'set-cookie': 'a=b' })],
  ['varying on the language', cachedPage('<p>x</p>', { vary: 'Accept-Language' })],
  ['varying on cookies', cachedPage('<p>x</p>', { vary: 'rsc, Cookie' })],
  ['over a megabyte', cachedPage('x'.repeat(1024 * 1024 + 1))],
  [
    'overtaken by a takedown (sent to ask again)',
    (_req, res) => {
      res.setHeader('x-nextjs-cache', 'HIT')
      res.setHeader('x-voices-superseded', '1')
      res.end('<p>before her withdrawal</p>')
    },
  ],
]

describe('an answer the page cache did not vouch for', () => {
  it.each(notKept)('is never copied: %s', async (_, answer) => {
    const { get, reached, copies } = await serve(answer)
    await get('/en/stories/aigerim')
    await get('/en/stories/aigerim')
    expect(reached).toHaveLength(2)
    expect(copies.usage().copies).toBe(0)
  })
})

describe('search', () => {
  // The search page, asked as visitors ask.
  const asked = ['/en/search', '/en/search?q=aigerim', '/ru/search?q=aigerim&page=2', '/kk/search/?q=aigerim']
  const plainAnswer: Answer = (_req, res) => res.end('<p>no cache-control of its own</p>')

  it.each(asked)('%s is kept by no cache, whatever Next.js says', async (path) => {
    for (const answer of [cachedPage(), plainAnswer]) {
      const { get } = await serve(answer)
      expect((await get(path)).headers.get('cache-control'), path).toBe('private, no-store')
      server?.closeAllConnections()
      await new Promise((resolve) => server?.close(resolve))
      server = null
    }
  })

  it.each(['/en/stories', '/api/search?q=x', '/en/searching', '/en/stories?q=x'])(
    '%s keeps its own rule',
    async (path) => {
      const { get } = await serve(cachedPage())
      expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=0, must-revalidate')
    },
  )
})

describe('what counts as asking for search', () => {
  // As the request line carries them: a client need not resolve `.` and `..` before sending.
  it.each([
    ['/en/search?q=a', true],
    ['/en/./search?q=a', true],
    ['/./kk/search', true],
    ['/ru/%2e/search?q=a', true],
    ['/en/stories/../search?q=a', true],
    ['/ru/../en/search', true],
    ['/en/search/', true],
    ['/en/searching', false],
    ['/en/stories?q=search', false],
    ['/api/search', false],
    ['/search', false],
    ['', false],
  ])('%s: %s', (url, expected) => {
    expect(asksForSearch(url)).toBe(expected)
  })
})

describe('an answer made for one request', () => {
  // lib/cache/pageEntries.mjs marks a page rendered with a nonce; Next.js hands that render to
  // everyone asking meanwhile, a HIT to some of them.
  const marked = (how: 'setHeader' | 'writeHead'): Answer =>
    how === 'setHeader'
      ? cachedPage('<p>for one request</p>', { 'x-voices-one-request': '1' })
      : (_req, res) => {
          res.setHeader('x-nextjs-cache', 'HIT')
          res.writeHead(200, { 'cache-control': 's-maxage=31536000', 'x-voices-one-request': '1' })
          res.end('<p>for one request</p>')
        }

  it.each(['setHeader', 'writeHead'] as const)(
    'is kept by no cache, nor copied (the mark given by %s)',
    async (how) => {
      const { get, reached, copies } = await serve(marked(how))
      const first = await get('/en/stories/aigerim')
      await get('/en/stories/aigerim')
      expect(first.headers.get('cache-control')).toBe('private, no-store')
      expect(first.headers.get('x-voices-one-request')).toBeNull()
      expect(reached).toHaveLength(2)
      expect(copies.usage().copies).toBe(0)
    },
  )
})
