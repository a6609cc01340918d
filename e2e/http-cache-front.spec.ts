import { type APIRequestContext, request as requests } from '@playwright/test'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { frontConfig, nginxArgs } from '../bench/lib/front.mjs'
import { copyOfSuiteData } from './benchScripts'
import { expect, test } from './fixtures'
import { previewSecret, previewUrl, publishSignedOffStory } from './helpers'
import { privateValue } from './logs'
import { storyBody, validConsent } from './roles-helpers'
import { ownPort, type Server, startServer, untilServing } from './servers'
import { e2eAdmin } from './settings'

/**
 * The production topology: Voices behind the HTTP cache in front (deploy/nginx/voices.conf.template,
 * run with Debian's nginx), Voices refreshing it after every change (lib/cache/frontCache.mjs).
 * The front here keeps a page for five minutes instead of production's one second: anything new
 * these tests see within that time can only have come from a refresh, so what they prove does not
 * depend on timing. What it keeps and what it never keeps is checked from one table.
 */
const nginxBinary = '/usr/sbin/nginx'
const appPort = ownPort(30)
const frontPort = ownPort(31)
const front = `http://127.0.0.1:${frontPort}`
const refreshKey = crypto.randomBytes(24).toString('hex')

let dataDir: string
let scratch: string
let app: Server
let nginx: ReturnType<typeof spawn>
let nginxLog = ''
let staff: APIRequestContext
let auth: Record<string, string>
/** A published story about nobody, so that editing it needs no new sign-off. */
let story: { id: string; slug: string }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(240_000)
  if (!fs.existsSync(nginxBinary)) throw new Error(`No nginx at ${nginxBinary}: apt-get install nginx-light`)
  dataDir = await copyOfSuiteData()
  app = startServer(
    {
      VOICES_DATA_DIR: dataDir,
      VOICES_RUN_JOBS: 'false',
      VOICES_PROXY_HOPS: '1',
      NEXT_PUBLIC_SERVER_URL: front,
      VOICES_HTTP_CACHE_URL: front,
      VOICES_HTTP_CACHE_REFRESH_KEY: refreshKey,
    },
    appPort,
  )
  // nginx's workers run as nobody: what they keep must be theirs to reach.
  scratch = fs.mkdtempSync('/tmp/voices-front-')
  fs.chmodSync(scratch, 0o755)
  const config = path.join(scratch, 'nginx.conf')
  fs.writeFileSync(
    config,
    frontConfig({
      scratch,
      listen: `127.0.0.1:${frontPort}`,
      upstream: `127.0.0.1:${appPort}`,
      refreshKey,
      pageSeconds: 300,
    }),
  )
  nginx = spawn(nginxBinary, nginxArgs(config, scratch), { stdio: ['ignore', 'pipe', 'pipe'] })
  nginx.stderr!.on('data', (chunk) => (nginxLog += chunk))
  await untilServing(app)
  staff = await requests.newContext({ baseURL: front })
  const login = await staff.post('/api/users/login', { data: e2eAdmin })
  expect(login.status(), nginxLog).toBe(200)
  auth = { Authorization: `JWT ${(await login.json()).token}` }
  const marker = Date.now().toString(36)
  story = await publishSignedOffStory(staff, auth, {
    title: `Through the front ${marker}`,
    slug: `through-the-front-${marker}`,
    body: storyBody(`Words ${marker}.`),
  })
})

test.afterAll(async () => {
  await staff?.dispose()
  if (nginx && nginx.exitCode === null) {
    const gone = new Promise((resolve) => nginx.once('exit', resolve))
    nginx.kill('SIGTERM')
    await gone
  }
  await app?.stop()
  for (const dir of [dataDir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** A new client each time: no cookie carried from one request to the next unless given. */
async function fetchFront(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${front}${pathname}`, { headers, redirect: 'manual' })
  return { status: response.status, kept: response.headers.get('x-voices-front'), text: await response.text() }
}

/** Asks until the page shows (or no longer shows) the text; the front keeps pages far longer than this. */
async function untilFront(pathname: string, matches: (page: { status: number; text: string }) => boolean) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const page = await fetchFront(pathname)
    if (matches(page)) return page
    if (Date.now() > deadline) throw new Error(`${pathname} through the front never changed (${page.status})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('the front keeps public pages, and never the admin, the API, previews, the router, per-request pages, query strings or anyone with a cookie', async () => {
  const { slug } = story
  const rows: Array<{ what: string; path: string; headers?: Record<string, string>; kept: boolean }> = [
    { what: 'home', path: '/en', kept: true },
    { what: 'stories index', path: '/ru/stories', kept: true },
    { what: 'a story', path: `/kk/stories/${slug}`, kept: true },
    { what: 'the feed (built per request)', path: '/en/feed.xml', kept: false },
    { what: 'the sitemap (built per request)', path: '/sitemap.xml', kept: false },
    { what: 'a page that is not there', path: '/en/stories/no-such-story-here', kept: true },
    { what: 'search (kept by the app, under its own path)', path: '/en/search?q=women', kept: false },
    { what: 'a page asked with a query string', path: '/ru/stories?utm_source=mail', kept: false },
    { what: 'get involved (per request)', path: '/en/get-involved', kept: false },
    { what: 'the admin', path: '/admin/login', kept: false },
    { what: 'the API', path: '/api/stories?limit=1', kept: false },
    { what: 'a preview link', path: previewUrl({ id: 'x', secret: 'wrong' }), kept: false },
    { what: 'a reader with a cookie', path: '/en', headers: { cookie: 'payload-token=x' }, kept: false },
    { what: 'a reader with credentials', path: '/en', headers: { authorization: 'JWT x' }, kept: false },
    { what: "the router's own fetch", path: '/en', headers: { rsc: '1' }, kept: false },
    { what: 'a made-up refresh key', path: '/en', headers: { 'x-voices-refresh': 'guess' }, kept: true },
  ]
  for (const row of rows) {
    await fetchFront(row.path, row.headers)
    const second = await fetchFront(row.path, row.headers)
    expect(second.status, row.what).toBeLessThan(500)
    if (row.kept) expect(second.kept, row.what).toBe('HIT')
    else expect(second.kept, row.what).not.toBe('HIT')
  }
})

test("an editor's draft preview goes through the front to her alone and is never kept for readers", async () => {
  const marker = `Draft only ${Date.now().toString(36)}`
  const page = `/en/stories/${story.slug}`
  await fetchFront(page)
  const drafted = await staff.patch(`/api/stories/${story.id}?draft=true&locale=en`, {
    headers: auth,
    data: { title: marker },
  })
  expect(drafted.ok(), await drafted.text()).toBe(true)
  // Her session (payload-token) plus draft mode, set by the preview link, through the front.
  const preview = await staff.get(previewUrl({ id: story.id, secret: previewSecret }), {
    maxRedirects: 0,
    headers: auth,
  })
  expect(preview.status(), await preview.text()).toBe(307)
  const seenByHer = await staff.get(page, { headers: { ...auth, 'sec-fetch-site': 'same-origin' } })
  expect(await seenByHer.text()).toContain(marker)
  expect(seenByHer.headers()['x-voices-front']).not.toBe('HIT')
  for (let i = 0; i < 2; i++) expect((await fetchFront(page)).text).not.toContain(marker)
  const out = await staff.get('/next/exit-preview', { maxRedirects: 0 })
  expect(out.status()).toBeLessThan(400)
})

test('a publish replaces the pages kept in front at once: the story, the index and the home page', async () => {
  const pages = [`/en/stories/${story.slug}`, '/en/stories', '/en']
  for (const page of pages) {
    await fetchFront(page)
    expect((await fetchFront(page)).kept, page).toBe('HIT')
  }
  const marker = `Published ${Date.now().toString(36)}`
  const published = await staff.patch(`/api/stories/${story.id}?locale=en`, {
    headers: auth,
    data: { title: marker, _status: 'published' },
  })
  expect(published.ok(), await published.text()).toBe(true)
  for (const page of pages) {
    const seen = await untilFront(page, ({ text }) => text.includes(marker))
    // Served from what the front keeps: the refresh replaced it.
    expect(seen.kept, page).toBe('HIT')
  }
  expect((await fetchFront('/en/feed.xml')).text).toContain(marker)
})

test("a consent withdrawal reaches the front: her story's page turns into its 404 and she leaves every list", async () => {
  const marker = `f${Date.now().toString(36)}`
  const consent = validConsent()
  const person = await (
    await staff.post('/api/participants', { headers: auth, data: { publicName: `Saule ${marker}`, consent } })
  ).json()
  const slug = `front-withdrawal-${marker}`
  const title = `Front withdrawal ${marker}`
  await publishSignedOffStory(staff, auth, {
    title,
    slug,
    featuredParticipants: [person.doc.id],
    body: storyBody(`Words ${marker}.`),
  })
  const lists = ['/en/stories', '/en', '/en/feed.xml', '/sitemap.xml']
  const herPages = ['en', 'ru', 'kk'].map((locale) => `/${locale}/stories/${slug}`)
  const kept = [...herPages, '/en/stories', '/en']
  for (const page of [...herPages, ...lists]) {
    const seen = await untilFront(page, ({ text }) => text.includes(slug) || text.includes(title))
    expect(seen.status, page).toBe(200)
    if (kept.includes(page)) expect((await fetchFront(page)).kept, page).toBe('HIT')
  }
  const withdrawn = await staff.patch(`/api/participants/${person.doc.id}`, {
    headers: auth,
    data: {
      consent: {
        ...consent,
        withdrawnAt: new Date().toISOString(),
        withdrawalReason: privateValue('participants.consent', 'She asked us to'),
      },
    },
  })
  expect(withdrawn.ok(), await withdrawn.text()).toBe(true)
  for (const page of herPages) {
    const gone = await untilFront(page, ({ status }) => status === 404)
    expect(gone.text, page).not.toContain(title)
  }
  for (const page of lists) await untilFront(page, ({ text }) => !text.includes(slug) && !text.includes(title))
})
