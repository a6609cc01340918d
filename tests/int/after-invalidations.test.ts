import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { invalidating, invalidationsUnderWay } from '@/lib/cache/invalidations.mjs'
import { answerAfterInvalidations, MAX_WAIT_MS } from '@/server/afterInvalidations.mjs'

/**
 * The production server holds the answer to a change until the invalidations it started are in
 * (server/afterInvalidations.mjs), on a real HTTP server: a reader who asks once a publish or a
 * withdrawal has returned must never be handed the page as it was. The stand-in for Next.js
 * starts an invalidation and answers at once, with a length, as Next.js does for a route handler.
 */

let server: http.Server | null = null

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

async function serve(invalidation: () => Promise<unknown> | null) {
  server = http.createServer((req, res) => {
    answerAfterInvalidations(req, res)
    const work = invalidation()
    if (work) invalidating(work)
    const body = JSON.stringify({ message: `answered ${req.method}` })
    res.setHeader('content-type', 'application/json')
    res.setHeader('content-length', Buffer.byteLength(body))
    res.write(body)
    res.end()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

/** Sends the request and says when its whole answer arrived, measured from `since`. */
async function answeredAfter(url: string, method: string, since: number) {
  const response = await fetch(url, { method, ...(method === 'GET' ? {} : { body: '{}' }) })
  const text = await response.text()
  return { status: response.status, text, ms: performance.now() - since }
}

describe('the answer to a change', () => {
  it.each(['POST', 'PATCH', 'DELETE', 'PUT'])('(%s) arrives only once its invalidation is in', async (method) => {
    const redis = gate()
    const base = await serve(() => redis.opened)
    const began = performance.now()
    const answer = answeredAfter(`${base}/api/stories/1`, method, began)
    let arrived = false
    void answer.then(() => (arrived = true))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(arrived, 'answered before the invalidation was in').toBe(false)
    expect(invalidationsUnderWay()).toBe(true)
    redis.open()
    const { status, text } = await answer
    expect(status).toBe(200)
    expect(text).toBe(JSON.stringify({ message: `answered ${method}` }))
  })

  it('waits for a failed invalidation no longer than it settles', async () => {
    const base = await serve(() => Promise.reject(new Error('Redis went away')))
    const { status, ms } = await answeredAfter(`${base}/api/stories/1`, 'PATCH', performance.now())
    expect(status).toBe(200)
    expect(ms).toBeLessThan(MAX_WAIT_MS)
  })

  it(`is sent after ${MAX_WAIT_MS / 1000} s if an invalidation never settles`, async () => {
    const never = gate()
    const base = await serve(() => never.opened)
    const { status, ms } = await answeredAfter(`${base}/api/stories/1`, 'PATCH', performance.now())
    expect(status).toBe(200)
    expect(ms).toBeGreaterThanOrEqual(MAX_WAIT_MS - 50)
    never.open()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(invalidationsUnderWay()).toBe(false)
  })

  it('is not held when nothing is under way', async () => {
    const base = await serve(() => null)
    const { status, text } = await answeredAfter(`${base}/api/stories/1`, 'PATCH', performance.now())
    expect(status).toBe(200)
    expect(text).toContain('answered PATCH')
  })
})

describe('a read', () => {
  it('is never held, even while an invalidation is under way', async () => {
    const redis = gate()
    const base = await serve(() => redis.opened)
    const { status, text } = await answeredAfter(`${base}/en`, 'GET', performance.now())
    expect(status).toBe(200)
    expect(text).toContain('answered GET')
    redis.open()
  })
})
