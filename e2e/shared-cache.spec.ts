import fs from 'node:fs'

import { type RedisServer, startRedis } from '../tests/helpers/redisServer'
import { expect, type APIRequestContext, request as requests, test } from './fixtures'
import { publishSignedOffStory } from './helpers'
import { privateValue } from './logs'
import { storyBody, validConsent } from './roles-helpers'
import { copyOfSuiteData, ownPort, type Server, startServer, untilServing } from './servers'
import { e2eAdmin } from './settings'

/**
 * Two production servers serving one site, as docs/deploy.md runs them: one database, and their
 * cached pages and queries shared in Redis (REDIS_URL, lib/cache/redisHandler.mjs). A publish and
 * a consent withdrawal made through one reach what the other serves within a second, and after
 * both restart no page an edit had invalidated comes back. Redis is Debian's `redis-server`,
 * started and stopped here; the servers run on a copy of the suite's data.
 */
test.describe.configure({ mode: 'serial' })

let redis: RedisServer
let dataDir: string
const ports = { a: ownPort(40), b: ownPort(41) }
const servers: Partial<Record<'a' | 'b', Server>> = {}
let staff: APIRequestContext
let headers: Record<string, string>

async function start(name: 'a' | 'b') {
  // One instance runs the jobs; the other only serves, as in docker-compose.yml.
  const env = {
    VOICES_DATA_DIR: dataDir,
    REDIS_URL: redis.url,
    VOICES_PROXY_HOPS: '0',
    VOICES_RUN_JOBS: String(name === 'a'),
  }
  const server = startServer(env, ports[name])
  servers[name] = server
  await untilServing(server)
}

const pageOn = async (name: 'a' | 'b', path: string) => {
  const response = await fetch(`${servers[name]!.base}${path}`)
  return { status: response.status, text: await response.text() }
}

/** How long until `path` on `name` satisfies `done`, polled every 25 ms; fails after 5 s. */
async function msUntil(name: 'a' | 'b', path: string, done: (page: { status: number; text: string }) => boolean) {
  const began = performance.now()
  for (;;) {
    if (done(await pageOn(name, path))) return performance.now() - began
    if (performance.now() - began > 5_000) throw new Error(`${path} on ${name} did not change within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Reads each page twice, so that it is rendered, cached and then served from the cache. */
async function cacheOn(name: 'a' | 'b', paths: string[], containing: string) {
  for (const path of paths) {
    for (let i = 0; i < 2; i++) {
      const page = await pageOn(name, path)
      expect(page.status, path).toBe(200)
      expect(page.text, path).toContain(containing)
    }
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000)
  redis = await startRedis()
  dataDir = await copyOfSuiteData('shared-cache')
  await start('a')
  await start('b')
  staff = await requests.newContext({ baseURL: servers.a!.base })
  const login = await staff.post('/api/users/login', { data: e2eAdmin })
  expect(login.status()).toBe(200)
  headers = { Authorization: `JWT ${(await login.json()).token}` }
})

test.afterAll(async () => {
  await staff?.dispose()
  await Promise.all([servers.a?.stop(), servers.b?.stop()])
  await redis?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

const marker = `sc${Date.now().toString(36)}`
let story: { id: string; slug: string }
const lists = ['/en', '/en/stories', '/en/feed.xml']

test('a publish through one instance is on the other within a second', async () => {
  test.setTimeout(120_000)
  const draft = await staff.post('/api/stories?draft=true', {
    headers,
    data: { title: `Shared cache ${marker}`, slug: '', body: storyBody('The group met on Tuesday.'), _status: 'draft' },
  })
  expect(draft.status(), await draft.text()).toBe(201)
  const published = await staff.patch(`/api/stories/${(await draft.json()).doc.id}`, {
    headers,
    data: { _status: 'published' },
  })
  expect(published.status(), await published.text()).toBe(200)
  story = (await published.json()).doc
  const pages = [`/en/stories/${story.slug}`, ...lists]
  await cacheOn('b', pages, `Shared cache ${marker}`)
  // A never rendered these: it serves what B stored in Redis.
  for (const path of pages.slice(0, 3)) {
    const fromA = await fetch(`${servers.a!.base}${path}`)
    expect(fromA.headers.get('x-nextjs-cache'), `${path} on A, rendered by B`).toBe('HIT')
  }

  const edited = await staff.patch(`/api/stories/${story.id}`, {
    headers,
    data: { title: `Shared cache ${marker} edited`, _status: 'published' },
  })
  expect(edited.status(), await edited.text()).toBe(200)
  // Only the story page is read again here: the lists stay in Redis as they were cached, stale,
  // for the restart below.
  const ms = await msUntil('b', pages[0]!, (page) => page.text.includes(`Shared cache ${marker} edited`))
  expect(ms, 'the edit through A reached B').toBeLessThan(1_000)
})

test('after both instances restart, no page the edit invalidated is served', async () => {
  test.setTimeout(180_000)
  await Promise.all([servers.a!.stop(), servers.b!.stop()])
  await start('a')
  await start('b')
  for (const name of ['b', 'a'] as const) {
    for (const path of lists) {
      const page = await pageOn(name, path)
      expect(page.status, path).toBe(200)
      expect(page.text, `${path} on ${name}`).toContain(`Shared cache ${marker} edited`)
    }
  }
})

test('a consent withdrawal through one instance takes her story off the other within a second', async () => {
  test.setTimeout(120_000)
  const created = await staff.post('/api/participants', {
    headers,
    data: { publicName: `Saule ${marker}`, legalName: `Legal ${marker}`, consent: validConsent() },
  })
  expect(created.status(), await created.text()).toBe(201)
  const person = (await created.json()).doc
  const hers = await publishSignedOffStory(staff, headers, {
    title: `About Saule ${marker}`,
    slug: '',
    body: storyBody('She came to the group in spring.'),
    featuredParticipants: [person.id],
  })
  const pages = [`/en/stories/${hers.slug}`, ...lists]
  await cacheOn('b', pages, `About Saule ${marker}`)

  const withdrawn = await staff.patch(`/api/participants/${person.id}`, {
    headers,
    data: {
      consent: {
        ...validConsent(),
        withdrawnAt: new Date().toISOString(),
        withdrawalReason: privateValue('participants.consent', 'She asked us to'),
      },
    },
  })
  expect(withdrawn.status(), await withdrawn.text()).toBe(200)
  const times = await Promise.all(
    pages.map((path) => msUntil('b', path, (page) => !page.text.includes(`About Saule ${marker}`))),
  )
  expect(Math.max(...times), 'the withdrawal through A reached every page of B').toBeLessThan(1_000)
  expect((await pageOn('b', pages[0]!)).status).toBe(404)
})

test('while Redis is down the site is served uncached and not ready; it is ready again once Redis is back', async () => {
  test.setTimeout(120_000)
  await redis.stop()
  const ready = async (name: 'a' | 'b') => (await fetch(`${servers[name]!.base}/api/ready`)).status
  await expect.poll(() => ready('b'), { timeout: 10_000 }).toBe(503)
  // Pages are rendered from the database meanwhile, the edit included.
  const story = await pageOn('b', lists[1]!)
  expect(story.status).toBe(200)
  expect(story.text).toContain(`Shared cache ${marker} edited`)
  expect((await fetch(`${servers.b!.base}/api/health`)).status).toBe(200)

  redis = await startRedis(redis.port)
  await expect.poll(() => ready('b'), { timeout: 15_000 }).toBe(200)
  await expect.poll(() => ready('a'), { timeout: 15_000 }).toBe(200)
})
