import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { keepSharedCachesHonest } from '@/server/sharedCaches.mjs'
import { askAgainIfSuperseded, supersededHeader } from '@/server/supersededRenders.mjs'

/**
 * How the production server (server/start.mjs) finishes answers, on a real HTTP server: a render
 * that a takedown overtook (marked by the page cache) is never sent, the visitor is sent to ask
 * again; and no shared cache is told it may keep a page.
 */

let server: http.Server | null = null

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

/** A server answering as Next.js does: headers one by one, then the body. */
async function serve(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  server = http.createServer((req, res) => {
    keepSharedCachesHonest(req, res)
    askAgainIfSuperseded(req, res)
    answer(req, res)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

const get = async (url: string, method = 'GET') => {
  const response = await fetch(url, { method, redirect: 'manual' })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

describe('a render a takedown overtook', () => {
  it.each([
    ['appended', (res: http.ServerResponse) => res.appendHeader(supersededHeader, '1')],
    ['set', (res: http.ServerResponse) => res.setHeader(supersededHeader, '1')],
  ])('is replaced by "ask again" when its mark is %s, and nothing of it is sent', async (_, mark) => {
    const base = await serve((_req, res) => {
      res.setHeader('x-request-id', 'req-1')
      res.setHeader('content-type', 'text/html')
      res.appendHeader('x-nextjs-cache', 'MISS')
      mark(res)
      res.write('<p>Aigerim, before her withdrawal</p>')
      res.end('<p>more of it</p>')
    })
    for (const method of ['GET', 'HEAD']) {
      const answer = await get(`${base}/en/stories/aigerim?x=1`, method)
      expect(answer.status).toBe(307)
      expect(answer.headers.get('location')).toBe('/en/stories/aigerim?x=1')
      expect(answer.headers.get('cache-control')).toBe('no-store')
      expect(answer.headers.get(supersededHeader)).toBeNull()
      expect(answer.headers.get('x-nextjs-cache')).toBeNull()
      expect(answer.headers.get('content-type')).toBeNull()
      // The request's id stays, so its log lines can still be found from the answer.
      expect(answer.headers.get('x-request-id')).toBe('req-1')
      expect(answer.text).toBe('')
    }
  })

  it('marked in the headers given at once is replaced too', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', [supersededHeader]: '1' })
      res.end('<p>Aigerim</p>')
    })
    const answer = await get(`${base}/en`)
    expect(answer.status).toBe(307)
    expect(answer.text).toBe('')
  })

  it('leaves every other answer as it is, and writes are never touched', async () => {
    const base = await serve((req, res) => {
      res.setHeader('content-type', 'text/plain')
      if (req.method === 'POST') res.setHeader(supersededHeader, '1')
      res.end(`answered ${req.method}`)
    })
    expect(await get(`${base}/en`)).toMatchObject({ status: 200, text: 'answered GET' })
    const posted = await fetch(`${base}/api/x`, { method: 'POST' })
    expect(posted.status).toBe(200)
    expect(await posted.text()).toBe('answered POST')
  })
})

describe('shared caches', () => {
  it('may store a page but must ask again every time; built files keep their year', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/feed') res.appendHeader('cache-control', 's-maxage=60, stale-while-revalidate')
      else res.setHeader('Cache-Control', 's-maxage=31536000')
      res.end('ok')
    })
    expect((await get(`${base}/en`)).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect((await get(`${base}/feed`)).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect((await get(`${base}/_next/static/chunks/a.js`)).headers.get('cache-control')).toBe('s-maxage=31536000')
  })
})
