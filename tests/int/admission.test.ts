import { spawnSync } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import crypto from 'node:crypto'

import { createAdmission } from '@/server/admission.mjs'
import { staffCredentials } from '@/server/staffCredentials.mjs'

/**
 * The production server's admission queue (server/admission.mjs), on a real HTTP server: every
 * request waits for a place, staff proven by a valid session have places of their own, and a
 * request that cannot be served soon is told so with 503.
 */

type Release = () => void

let server: http.Server | null = null

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

/**
 * A server whose every answer waits until the test releases it, in the order requests began;
 * `order` records the paths as their handling begins.
 */
/** A request is staff's when it says so (`x-staff: 1`): the real check is tested below. */
type Options = Omit<Parameters<typeof createAdmission>[0], 'isStaff' | 'staffLimit'> & { staffLimit?: number }
async function serve(options: Options) {
  const admission = createAdmission({
    staffLimit: 1,
    ...options,
    isStaff: (req: http.IncomingMessage) => req.headers['x-staff'] === '1',
  })
  const order: string[] = []
  const pending: Release[] = []
  server = http.createServer((req, res) =>
    admission.admit(req, res, () => {
      order.push(`${req.method} ${req.url}`)
      pending.push(() => res.end('ok'))
    }),
  )
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  const ask = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, init).then(async (response) => ({
      status: response.status,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    }))
  /** Waits until `count` requests are being handled. */
  const handling = async (count: number) => {
    for (let i = 0; i < 200 && order.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order).toHaveLength(count)
  }
  const releaseNext = () => pending.shift()!()
  return { admission, order, ask, handling, releaseNext }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

/**
 * Waits until `done` holds, or 5 s: requests sent at once reach the server over loopback in their
 * own time, longer than any fixed pause when the machine is busy (50 ms once saw 6 of 8 arrive).
 */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('the admission queue', () => {
  it('counts as staff only a session token whose signature and expiry hold, or the jobs token', () => {
    const secret = 'a long random secret for the admission tests, 0123456789'
    const isStaff = staffCredentials(secret)
    const key = crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const sign = (header: object, payload: object, signingKey = key) => {
      const body = `${part(header)}.${part(payload)}`
      return `${body}.${crypto.createHmac('sha256', signingKey).update(body).digest('base64url')}`
    }
    const hs256 = { alg: 'HS256', typ: 'JWT' }
    const soon = Math.floor(Date.now() / 1000) + 600
    const valid = sign(hs256, { id: 'u1', exp: soon })
    const req = (headers: Record<string, string>) => ({ method: 'GET', headers }) as unknown as http.IncomingMessage
    expect(isStaff(req({ cookie: `theme=dark; payload-token=${valid}` }))).toBe(true)
    expect(isStaff(req({ authorization: `JWT ${valid}` }))).toBe(true)
    expect(isStaff(req({ authorization: `Bearer ${valid}` }))).toBe(true)
    const jobs = crypto.createHmac('sha256', secret).update('voices:revalidate-public-site').digest('hex')
    expect(isStaff(req({ authorization: `Bearer ${jobs}` }))).toBe(true)
    for (const forged of [
      'garbage',
      sign(hs256, { id: 'u1', exp: soon }, 'another key'),
      sign(hs256, { id: 'u1', exp: Math.floor(Date.now() / 1000) - 1 }),
      sign(hs256, { id: 'u1' }),
      `${part({ alg: 'none', typ: 'JWT' })}.${part({ id: 'u1', exp: soon })}.`,
      `${valid.slice(0, -2)}xx`,
    ]) {
      expect(isStaff(req({ cookie: `payload-token=${forged}` })), forged).toBe(false)
      expect(isStaff(req({ authorization: `JWT ${forged}` })), forged).toBe(false)
    }
    expect(isStaff(req({ cookie: 'payload-token=%00%ff' }))).toBe(false)
    expect(isStaff(req({ cookie: 'payload-token=%E0%A4%A', authorization: 'JWT \u0000' }))).toBe(false)
    expect(isStaff(req({ authorization: 'users API-Key 123' }))).toBe(false)
    expect(isStaff(req({}))).toBe(false)
  })

  it('works on as many reads at once as its limit, and lets the next in as one finishes', async () => {
    const site = await serve({ limit: 2, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const answers = ['/a', '/b', '/c'].map((path) => site.ask(path))
    await site.handling(2)
    await settle()
    expect(site.order).toEqual(['GET /a', 'GET /b'])
    expect(site.admission.stats()).toMatchObject({ active: 2, waiting: 1 })
    site.releaseNext()
    await site.handling(3)
    expect(site.order[2]).toBe('GET /c')
    site.releaseNext()
    site.releaseNext()
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200, 200])
  })

  it('queues the public’s bodies in places apart: no method goes around a queue, and no slow body holds up a reader', async () => {
    const site = await serve({ limit: 1, bodyLimit: 1, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const first = site.ask('/api/graphql', { method: 'POST', body: '{"query":"{ a }"}' })
    await site.handling(1)
    const second = site.ask('/en/get-involved', { method: 'POST', body: 'x' })
    await settle()
    expect(site.order).toEqual(['POST /api/graphql'])
    expect(site.admission.stats()).toMatchObject({ publicBodies: { active: 1, waiting: 1 } })
    // A reader is not kept waiting by them...
    const read = site.ask('/en/stories')
    await site.handling(2)
    expect(site.order[1]).toBe('GET /en/stories')
    // ...and a request without a body waits with the readers.
    const bodiless = site.ask('/api/users/logout', { method: 'POST' })
    await settle()
    expect(site.admission.stats()).toMatchObject({ public: { active: 1, waiting: 1 } })
    site.releaseNext()
    await site.handling(3)
    expect(site.order[2]).toBe('POST /en/get-involved')
    for (let i = 0; i < 3; i++) {
      site.releaseNext()
      await settle()
    }
    for (const answer of [first, second, read, bodiless]) expect((await answer).status).toBe(200)
  })

  it('lets each client hold one place for bodies at a time, told apart as the proxy setting says', async () => {
    const site = await serve({ limit: 1, bodyLimit: 2, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const from = (address: string) => ({ method: 'POST', body: '{}', headers: { 'x-forwarded-for': address } })
    // One client's slow bodies, one after another...
    const slow = [site.ask('/api/graphql?1', from('203.0.113.9')), site.ask('/api/graphql?2', from('203.0.113.9'))]
    await site.handling(1)
    await settle()
    expect(site.admission.stats()).toMatchObject({ publicBodies: { active: 1, waiting: 1 } })
    // ...leave a place for someone else's sign-in, who goes ahead of the second.
    const signIn = site.ask('/api/users/login', from('198.51.100.4'))
    await site.handling(2)
    expect(site.order).toEqual(['POST /api/graphql?1', 'POST /api/users/login'])
    site.releaseNext()
    await site.handling(3)
    expect(site.order[2]).toBe('POST /api/graphql?2')
    site.releaseNext()
    site.releaseNext()
    for (const answer of [...slow, signIn]) expect((await answer).status).toBe(200)
  })

  it('gives a client making up a proxy’s header no more places when reached directly', async () => {
    const from = (address: string) => ({ method: 'POST', body: '{}', headers: { 'x-forwarded-for': address } })
    const direct = await serve({
      limit: 1,
      bodyLimit: 2,
      queueLimit: 10,
      maxWaitMs: 5_000,
      holdLimitMs: 5_000,
      proxyHops: 0,
    })
    const madeUp = [direct.ask('/api/graphql', from('192.0.2.1')), direct.ask('/api/graphql', from('192.0.2.2'))]
    await direct.handling(1)
    await settle()
    expect(direct.admission.stats()).toMatchObject({ publicBodies: { active: 1, waiting: 1 } })
    direct.releaseNext()
    await direct.handling(2)
    direct.releaseNext()
    for (const answer of madeUp) expect((await answer).status).toBe(200)
  })

  it('lets one client have 8 bodies waiting at most, and answers her next one 503 at once', async () => {
    const site = await serve({ limit: 1, bodyLimit: 4, queueLimit: 100, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const from = (address: string) => ({ method: 'POST', body: '{}', headers: { 'x-forwarded-for': address } })
    const held = site.ask('/api/graphql?held', from('203.0.113.9'))
    await site.handling(1)
    const waiting = Array.from({ length: 8 }, (_, i) => site.ask(`/api/graphql?${i}`, from('203.0.113.9')))
    await until(() => site.admission.stats().publicBodies.waiting >= 8)
    expect(site.admission.stats()).toMatchObject({ publicBodies: { active: 1, waiting: 8 } })
    const refused = await site.ask('/api/graphql?one-too-many', from('203.0.113.9'))
    expect(refused).toMatchObject({ status: 503, retryAfter: '2' })
    // Someone else is still let in.
    const other = site.ask('/api/users/login', from('198.51.100.4'))
    await site.handling(2)
    expect(site.order[1]).toBe('POST /api/users/login')
    for (let i = 0; i < 10; i++) {
      site.releaseNext()
      await settle()
    }
    for (const answer of [held, ...waiting, other]) expect((await answer).status).toBe(200)
    expect(site.order).toHaveLength(10)
  })

  it('gives staff places of their own: a withdrawal never waits behind the public', async () => {
    const site = await serve({ limit: 1, staffLimit: 1, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const visitor = site.ask('/en')
    await site.handling(1)
    const waitingVisitor = site.ask('/en/stories')
    await settle()
    const withdrawal = site.ask('/api/participants/1', { method: 'PATCH', headers: { 'x-staff': '1' }, body: '{}' })
    await site.handling(2)
    expect(site.order[1]).toBe('PATCH /api/participants/1')
    expect(site.admission.stats()).toMatchObject({ staff: { active: 1 }, public: { active: 1, waiting: 1 } })
    site.releaseNext()
    site.releaseNext()
    await site.handling(3)
    site.releaseNext()
    expect((await Promise.all([visitor, waitingVisitor, withdrawal])).map((answer) => answer.status)).toEqual([
      200, 200, 200,
    ])
  })

  it('answers 503 with Retry-After when the queue is full, and when a read has waited too long', async () => {
    const site = await serve({ limit: 1, queueLimit: 1, maxWaitMs: 300, holdLimitMs: 5_000 })
    const held = site.ask('/held')
    await site.handling(1)
    const waiting = site.ask('/waiting')
    await settle()
    const refused = await site.ask('/one-too-many')
    expect(refused).toMatchObject({ status: 503, retryAfter: '2' })
    expect(refused.text).toMatch(/busy/)
    const waited = await waiting
    expect(waited).toMatchObject({ status: 503, retryAfter: '5' })
    expect(site.order).toEqual(['GET /held'])
    expect(site.admission.stats()).toMatchObject({ refusedFull: 1, refusedWaited: 1 })
    site.releaseNext()
    expect((await held).status).toBe(200)
  })

  it('frees a place held longer than its limit, so a reader who never reads cannot keep others out', async () => {
    const site = await serve({ limit: 1, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 200 })
    const slow = site.ask('/never-finishes')
    await site.handling(1)
    const next = site.ask('/next')
    await site.handling(2)
    expect(site.admission.stats()).toMatchObject({ heldTooLong: 1 })
    site.releaseNext()
    site.releaseNext()
    expect((await Promise.all([slow, next])).map((answer) => answer.status)).toEqual([200, 200])
  })

  it('forgets a reader who gives up while waiting', async () => {
    const site = await serve({ limit: 1, queueLimit: 10, maxWaitMs: 5_000, holdLimitMs: 5_000 })
    const held = site.ask('/held')
    await site.handling(1)
    const controller = new AbortController()
    const gone = site.ask('/gave-up', { signal: controller.signal }).catch(() => 'aborted')
    await settle()
    expect(site.admission.stats()).toMatchObject({ waiting: 1 })
    controller.abort()
    expect(await gone).toBe('aborted')
    await settle()
    expect(site.admission.stats()).toMatchObject({ waiting: 0, gaveUp: 1 })
    site.releaseNext()
    expect((await held).status).toBe(200)
    expect(site.order).toEqual(['GET /held'])
  })
})

describe('the production server refuses bad settings before it starts', () => {
  const start = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['server/start.mjs', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    })

  it.each([
    [['--bogus'], {}, /Unknown option '--bogus'[\s\S]*Usage: node server\/start\.mjs/],
    [['-p', 'eighty'], {}, /the port must be a number from 1 to 65535 \(got "eighty"\)/],
    [[], { NEXT_PUBLIC_SERVER_URL: '' }, /Voices cannot start: NEXT_PUBLIC_SERVER_URL is not set/],
    [
      [],
      { PAYLOAD_SECRET: 'change-me-change-me-change-me-change-me' },
      /Voices cannot start: PAYLOAD_SECRET is an example/,
    ],
    [[], { PORT: '70000' }, /the port must be a number from 1 to 65535 \(got "70000"\)/],
    [
      [],
      { VOICES_CONCURRENT_REQUESTS: '0' },
      /VOICES_CONCURRENT_REQUESTS must be a whole number of at least 1 \(got "0"\)/,
    ],
    [[], { VOICES_REQUEST_WAIT_SECONDS: 'soon' }, /VOICES_REQUEST_WAIT_SECONDS must be a whole number/],
    [[], { VOICES_PROXY_HOPS: '-1' }, /VOICES_PROXY_HOPS must be a whole number of at least 0 \(got "-1"\)/],
    [[], { VOICES_PAGE_CACHE_MB: '4' }, /VOICES_PAGE_CACHE_MB must be 0 \(off\) or at least 16 \(got "4"\)/],
    [
      [],
      { VOICES_HTTP_CACHE_URL: 'http://front' },
      /VOICES_HTTP_CACHE_URL and VOICES_HTTP_CACHE_REFRESH_KEY go together/,
    ],
    [[], { VOICES_HTTP_CACHE_REFRESH_KEY: 'k'.repeat(40) }, /go together: set both, or neither/],
    [
      [],
      { VOICES_HTTP_CACHE_URL: 'front:80', VOICES_HTTP_CACHE_REFRESH_KEY: 'k'.repeat(40) },
      /VOICES_HTTP_CACHE_URL must be an address such as http:\/\/front, and nothing after it \(got "front:80"\)/,
    ],
    [
      [],
      { VOICES_HTTP_CACHE_URL: 'http://front', VOICES_HTTP_CACHE_REFRESH_KEY: 'short' },
      /VOICES_HTTP_CACHE_REFRESH_KEY must be at least 32 characters/,
    ],
  ])('%j %j', (args, env, message) => {
    const result = start(args, env)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
