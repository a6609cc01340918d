/**
 * Publish-to-live and takedown: how long after staff change a story through REST the public
 * surfaces show the change. Prints one JSON object (BENCHMARKS.md, "Publish to live").
 *
 *   node bench/publish.mjs --data <seeded data folder> [--port 3245] [--runs 20] [--withdrawals 5]
 *                          [--read-url http://127.0.0.1:<port>] [--front]
 *
 * On a copy of the data folder, the production server (`npm start`, after `npm run build`) on
 * 127.0.0.1; the admin signs in through REST.
 * - Publish to live, `--runs` times: the newest published story (on the story index, home and the
 *   feed; one is written and published if the newest cannot be edited without a new sign-off) gets
 *   a new title with a unique marker through REST, and its page (English), the story index, the
 *   home page and the feed are each asked for every 25 ms from the moment the request is sent,
 *   until an answer shows the marker. Each surface's time is from sending the request to the
 *   arrival of its first answer showing the marker.
 * - Takedown, `--withdrawals` times: a participant with written consent, featured in a published
 *   story (the newest, so listed everywhere), withdraws her consent through REST; every public
 *   page that could show her story (bench/lib/staff.mjs, `watchList`: the story in every language,
 *   home, index and feed in every language, the sitemap, a search) is asked for every 25 ms until
 *   none does. The takedown is the time from sending the withdrawal to the arrival of the last
 *   page's first answer without her. Then her consent is recorded again and her story signed off
 *   and published again, and every page must list it before the next withdrawal.
 *
 * Public pages are read from `--read-url` (the server itself unless given): with a cache in front
 * of Voices, the same runs measure what visitors of the cache are shown. `--front` starts that
 * cache itself, the production topology (deploy/nginx/voices.conf.template with Debian's nginx on
 * the next port, Voices refreshing it), and reads through it. Writes always go to the server. A page answered `307` to its own address ("ask again", server/supersededRenders.mjs) is
 * asked again at once, as a browser does, and judged by where it ends.
 *
 * Exits 1 if any surface did not show an edit within 10 s, a takedown did not complete within
 * 10 s, a withdrawal or republish failed, or anything answered 5xx. Budgets are BENCHMARKS.md's.
 * PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD must be the data folder's. Everything
 * happens on loopback; the server and the copy are removed on every way out.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  copyDataFolder,
  killTree,
  readOptions,
  round,
  runContext,
  sleep,
  statusOf,
  stopServer,
} from './lib/helpers.mjs'
import { frontConfig, nginxArgs } from './lib/front.mjs'
import { addPerson, restore, signIn, storyBody, watchList, withdraw } from './lib/staff.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
/** How often each surface is asked while a change is awaited, start to start. */
const pollMs = 25
/** A surface not showing an edit, or a takedown not complete, this long after the request fails the run. */
const withinMs = 10_000
/** Between runs, so that one run's renders are over before the next change. */
const pauseMs = 300

function fail(reason) {
  console.error(`publish: ${reason}`)
  process.exit(1)
}

const values = readOptions('publish', {
  options: {
    data: { type: 'string', default: 'data/e2e' },
    port: { type: 'string', default: '3245' },
    runs: { type: 'string', default: '20' },
    withdrawals: { type: 'string', default: '5' },
    'read-url': { type: 'string' },
    front: { type: 'boolean', default: false },
    nginx: { type: 'string', default: '/usr/sbin/nginx' },
  },
}).values
const port = Number(values.port)
const runs = Number(values.runs)
const withdrawals = Number(values.withdrawals)
if (!Number.isInteger(port) || port < 1024 || port > 65535) fail('--port must be a whole number from 1024 to 65535')
if (!Number.isInteger(runs) || runs < 1 || runs > 1000) fail('--runs must be a whole number from 1 to 1000')
if (!Number.isInteger(withdrawals) || withdrawals < 0 || withdrawals > 100)
  fail('--withdrawals must be a whole number from 0 to 100')
const admin = { email: process.env.VOICES_ADMIN_EMAIL, password: process.env.VOICES_ADMIN_PASSWORD }
if (!admin.email || !admin.password || !process.env.PAYLOAD_SECRET) {
  fail('Set PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD for the data folder.')
}
const source = path.resolve(values.data)
if (!fs.existsSync(path.join(source, 'voices.db'))) fail(`No database in ${source}: give --data a seeded data folder.`)

/** Where changes are sent: the server this script starts. */
const base = `http://127.0.0.1:${port}`
/**
 * With `--front`, the production topology: the HTTP cache in front (deploy/nginx/voices.conf.template,
 * Debian's nginx on the next port, started and stopped here), refreshed by Voices after each change.
 */
const frontBase = `http://127.0.0.1:${port + 1}`
if (values.front && values['read-url']) fail('--front reads through the front it starts: leave out --read-url')
if (values.front && !fs.existsSync(values.nginx))
  fail(`No nginx at ${values.nginx}: apt-get install nginx-light, or give --nginx.`)
/** Where the public surfaces are read: the server, or whatever is put in front of it. */
const readBase = (() => {
  if (values.front) return frontBase
  if (!values['read-url']) return base
  let url
  try {
    url = new URL(values['read-url'])
  } catch {
    fail('--read-url must be a URL such as http://127.0.0.1:3246')
  }
  // The benchmark reads this machine only.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || !/^https?:$/.test(url.protocol)) {
    fail('--read-url must be http(s) on loopback (127.0.0.1, localhost or [::1])')
  }
  return url.origin
})()

const began = Date.now()
const loadAtStart = os.loadavg()
// Booting and setting up take a minute or two on a busy machine; each run and each withdrawal is
// bounded by its own deadlines well within its share.
const bound = (300 + runs * 15 + withdrawals * 75) * 1000
const watchdog = setTimeout(() => fail(`did not end within ${bound / 1000} s`), bound)
const progress = (what) => console.error(`publish +${round((Date.now() - began) / 1000, 1)} s: ${what}`)

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-publish-'))
let server = null
let front = null
process.on('exit', () => {
  for (const child of [server, front])
    if (child && child.exitCode === null && child.signalCode === null) killTree(child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

progress(`copying ${values.data}`)
const dataDir = await copyDataFolder(source, path.join(scratch, 'data'))

/** The server's output, the last of it kept for the report. */
let log = ''
/** The production server, as soak.mjs starts it: its own process group, so it and its children end together. */
async function startServer(env = {}) {
  if ((await statusOf(`${base}/`, 2_000)) !== 0) fail(`something already answers on port ${port}`)
  server = spawn(process.execPath, [path.join(root, 'server/start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VOICES_DATA_DIR: dataDir,
      VOICES_RUN_JOBS: 'false',
      NEXT_PUBLIC_SERVER_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const keep = (chunk) => (log = (log + chunk).slice(-200_000))
  server.stdout.on('data', keep)
  server.stderr.on('data', keep)
  const deadline = Date.now() + 180_000
  while ((await statusOf(`${base}/api/stories?limit=1`)) !== 200) {
    if (server.exitCode !== null || server.signalCode !== null) fail(`the server stopped while starting:\n${log}`)
    if (Date.now() > deadline) fail(`the server did not answer within 180 s:\n${log}`)
    await sleep(500)
  }
}

/** nginx in front of the server, as deploy/nginx/voices.conf.template has it, in its own process group. */
async function startFront(refreshKey) {
  if ((await statusOf(`${frontBase}/`, 2_000)) !== 0) fail(`something already answers at ${frontBase}`)
  // nginx's workers run as nobody: what they keep must be theirs to reach.
  const dir = path.join(scratch, 'front')
  fs.mkdirSync(dir)
  for (const folder of [scratch, dir]) fs.chmodSync(folder, 0o755)
  const config = path.join(dir, 'nginx.conf')
  fs.writeFileSync(
    config,
    frontConfig({ scratch: dir, listen: `127.0.0.1:${port + 1}`, upstream: `127.0.0.1:${port}`, refreshKey }),
  )
  front = spawn(values.nginx, nginxArgs(config, dir), { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  let said = ''
  front.stderr.on('data', (chunk) => (said += chunk))
  const deadline = Date.now() + 30_000
  while ((await statusOf(`${frontBase}/en`)) !== 200) {
    if (front.exitCode !== null || Date.now() > deadline) fail(`nginx in front did not serve /en:\n${said}`)
    await sleep(200)
  }
}

progress(`starting the server on port ${port}`)
const refreshKey = crypto.randomBytes(24).toString('hex')
await startServer(values.front ? { VOICES_HTTP_CACHE_URL: frontBase, VOICES_HTTP_CACHE_REFRESH_KEY: refreshKey } : {})
if (values.front) {
  progress(`starting the HTTP cache in front on port ${port + 1}`)
  await startFront(refreshKey)
}
if (readBase !== base && (await statusOf(`${readBase}/en`)) !== 200) fail(`${readBase}/en does not answer 200`)

/** Every answer of 5xx, wherever it came from (the first 20 kept), pages asked again, requests unanswered. */
const fiveXX = []
let fiveXXCount = 0
let askedAgain = 0
let unanswered = 0

/**
 * A request as a browser makes it, to `origin`: a `307` to the same address ("ask again") is
 * followed at once, ten times at most, and the answer is the one it ends on, timed from the first
 * request. Resolves to `{ status, text, json, location, ms, sent, at }`, status 0 for no answer
 * within `timeout`.
 */
function client(origin) {
  const once = async (method, url, { token, body, timeout }) => {
    const sent = Date.now()
    const controller = new AbortController()
    let timer
    // Its own timer, raced with the fetch: an answer cut off halfway may never settle on an abort.
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort()
        resolve({ status: 0, text: 'no answer in time', json: null, location: null })
      }, timeout)
    })
    const answered = (async () => {
      try {
        const response = await fetch(`${origin}${url}`, {
          method,
          headers: {
            ...(token ? { authorization: `JWT ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
          signal: controller.signal,
        })
        const text = await response.text()
        let json = null
        try {
          json = JSON.parse(text)
        } catch {
          // A page, not JSON.
        }
        return { status: response.status, text, json, location: response.headers.get('location') }
      } catch (error) {
        return { status: 0, text: String(error?.cause?.code ?? error?.name ?? error), json: null, location: null }
      }
    })()
    try {
      const answer = await Promise.race([answered, timedOut])
      const at = Date.now()
      if (answer.status === 0) unanswered += 1
      if (answer.status >= 500) {
        fiveXXCount += 1
        if (fiveXX.length < 20)
          fiveXX.push({ method, url: `${origin}${url}`, status: answer.status, body: answer.text.slice(0, 300) })
      }
      return { ...answer, sent, at, ms: at - sent }
    } finally {
      clearTimeout(timer)
    }
  }
  const self = (url) => new URL(url, origin).href
  return async (method, url, { token, body, timeout = 30_000 } = {}) => {
    const first = await once(method, url, { token, body, timeout })
    let answer = first
    for (let hop = 0; hop < 10 && answer.status === 307 && self(answer.location ?? '') === self(url); hop++) {
      askedAgain += 1
      answer = await once(method, url, { token, body, timeout })
    }
    return answer === first ? first : { ...answer, sent: first.sent, ms: answer.at - first.sent }
  }
}

const call = client(base)
const read = client(readBase)
const must = (answer, expected, what) => {
  if (answer.status !== expected) fail(`${what}: ${answer.status} ${answer.text.slice(0, 500)}`)
  return answer.json
}

progress('signing in')
const { token, policy } = await signIn(call, admin, must)
const staff = { call, read, token, must, label: 'Publish bench' }
const runId = Date.now().toString(36).slice(-6)

/** `/stories/<slug>` as a whole path segment, as a list or the sitemap links to it. */
const linksTo = (slug) => new RegExp(`/stories/${slug}(?![\\w-])`)

/**
 * The story the runs edit: the newest published one, which home, the index and the feed all list,
 * if it is ready as it stands and about no participant (any change to a story about one needs a new
 * sign-off); otherwise one about nobody, written and published now, and so the newest.
 */
async function storyToEdit() {
  const newest = must(
    await call('GET', '/api/stories?limit=1&depth=0&sort=-publishedAt&where[_status][equals]=published', { token }),
    200,
    'listing stories',
  ).docs[0]
  if (newest) {
    const check = must(await call('GET', `/api/stories/${newest.id}/publish-check`, { token }), 200, 'publish check')
    const aboutParticipants = (newest.dependsOn ?? []).some((key) => String(key).startsWith('participants:'))
    if (check.ready && !aboutParticipants) {
      return {
        id: String(newest.id),
        slug: newest.slug,
        title: newest.title,
        updatedAt: newest.updatedAt,
        written: false,
      }
    }
  }
  const draft = must(
    await call('POST', '/api/stories?draft=true', {
      token,
      body: {
        title: `Publish bench ${runId} weekly group`,
        slug: '',
        body: storyBody('The group met on Tuesday, as every week.'),
        _status: 'draft',
      },
    }),
    201,
    'writing a story to edit',
  ).doc
  const doc = must(
    await call('PATCH', `/api/stories/${draft.id}`, { token, body: { _status: 'published' } }),
    200,
    'publishing the story to edit',
  ).doc
  return { id: String(doc.id), slug: doc.slug, title: doc.title, updatedAt: doc.updatedAt, written: true }
}

/** Each page asked until `ok(page)` holds for all at once, for `ms` at most; those that never did. */
async function untilAll(pages, ok, ms) {
  const deadline = Date.now() + ms
  let missing = pages
  while (missing.length && Date.now() < deadline) {
    const answers = await Promise.all(missing.map((url) => read('GET', url)))
    missing = missing.filter((_, i) => !ok(missing[i], answers[i]))
    if (missing.length) await sleep(200)
  }
  return missing
}

const story = await storyToEdit()
const surfaces = {
  story: `/en/stories/${story.slug}`,
  index: '/en/stories',
  home: '/en',
  feed: '/en/feed.xml',
}
progress(`editing “${story.title}” (${story.slug}); checking it is on every surface`)
// Every surface lists the story before the runs (asked twice, so later answers come from the cache).
const notListed = await untilAll(
  Object.values(surfaces),
  (url, page) => page.status === 200 && (url === surfaces.story || linksTo(story.slug).test(page.text)),
  15_000,
)
if (notListed.length) fail(`the story is not on ${notListed.join(', ')}`)
await untilAll(Object.values(surfaces), (_, page) => page.status === 200, 15_000)

/**
 * One surface asked every `pollMs` from `sentAt` until an answer shows `marker`: when that answer
 * arrived and when it was asked for, and how many answers asked for after the save's 200 still
 * showed the old text. Given up `withinMs` after `sentAt`, or when the save failed.
 */
async function untilShown(url, marker, sentAt, save) {
  const deadline = sentAt + withinMs
  let staleAfterSaved = 0
  while (Date.now() < deadline && !save.failed) {
    const page = await read('GET', url, { timeout: Math.max(1, deadline - Date.now()) })
    if (page.status === 200 && page.text.includes(marker)) {
      return {
        seconds: round((page.at - sentAt) / 1000, 3),
        askedSeconds: round((page.sent - sentAt) / 1000, 3),
        staleAfterSaved,
      }
    }
    if (page.status === 200 && save.at !== undefined && page.sent >= save.at) staleAfterSaved += 1
    await sleep(pollMs - (Date.now() - page.sent))
  }
  return { seconds: null, askedSeconds: null, staleAfterSaved }
}

const publishRuns = []
let updatedAt = story.updatedAt
for (let n = 1; n <= runs; n++) {
  // Letters and digits only, so that no surface escapes it; zero-padded, so no marker holds another.
  const marker = `pub${runId}n${String(n).padStart(4, '0')}`
  const save = {}
  const sentAt = Date.now()
  const saving = call('PATCH', `/api/stories/${story.id}`, {
    token,
    body: { title: `${story.title} ${marker}`, _status: 'published', updatedAt },
  }).then((answer) => {
    save.at = answer.at
    save.failed = answer.status !== 200
    return answer
  })
  const shown = await Promise.all(
    Object.entries(surfaces).map(async ([name, url]) => [name, await untilShown(url, marker, sentAt, save)]),
  )
  const saved = await saving
  if (saved.status === 200) updatedAt = saved.json?.doc?.updatedAt ?? updatedAt
  publishRuns.push({
    run: n,
    status: saved.status,
    patchSeconds: round(saved.ms / 1000, 3),
    ...Object.fromEntries(shown),
    ...(saved.status === 200 ? {} : { refusal: saved.text.slice(0, 300) }),
  })
  const slowest = Math.max(...shown.map(([, s]) => s.seconds ?? Infinity))
  progress(`run ${n}/${runs}: saved ${saved.status} in ${round(saved.ms / 1000, 3)} s, live everywhere in ${slowest} s`)
  await sleep(pauseMs)
}

/**
 * The sitemap file that lists the newest stories: `/sitemap.xml` itself, or its last part when it
 * is an index of parts (past 1,000 stories, oldest first, so a new story joins the last part).
 */
async function newestSitemapFile() {
  const { text } = await read('GET', '/sitemap.xml')
  if (!text.includes('<sitemapindex')) return '/sitemap.xml'
  const last = [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].at(-1)
  if (!last) fail('the sitemap index lists no part')
  const url = new URL(last[1].replace(/&amp;/g, '&'))
  return `${url.pathname}${url.search}`
}

/** The takedowns: one participant, her story the newest, withdrawn and restored in turn. */
const takedowns = []
const takedownFailures = []
if (withdrawals > 0) {
  progress('adding a participant with consent and a published story about her')
  const person = await addPerson(staff, { tag: `pb${runId}`, stories: 1 })
  const watch = watchList(person, policy, { sitemap: await newestSitemapFile() })
  // Every page that can show her must, before each withdrawal; under the redact policy only her
  // story's pages can (lists show titles, not her name).
  const mustShow = watch.filter(({ url }) => policy !== 'redact' || url.includes('/stories/'))
  for (let n = 1; n <= withdrawals; n++) {
    const missing = await untilAll(
      mustShow.map(({ url }) => url),
      (url, page) => page.status === 200 && mustShow.find((w) => w.url === url).shows(page),
      15_000,
    )
    if (missing.length) {
      takedownFailures.push(`withdrawal ${n}: her story was not on ${missing.join(', ')} before it`)
      break
    }
    const taken = await withdraw(person, policy, staff, { pollMs, watchMs: withinMs })
    let restored = null
    for (let attempt = 1; attempt <= 3; attempt++) {
      restored = await restore(person, policy, staff)
      if (restored.ok) break
      await sleep(2_000)
    }
    const seconds = (ms) => (ms === null ? null : round(ms / 1000, 3))
    takedowns.push({
      run: n,
      status: taken.status,
      requestSeconds: seconds(taken.requestMs),
      seconds: seconds(taken.slowestAnswerMs),
      askedSeconds: seconds(taken.takedownMs),
      // The page whose first answer without her was asked for last (soak.mjs's takedown).
      lastPageAsked: taken.lastPageGone
        ? {
            url: taken.lastPageGone.url,
            askedSeconds: seconds(taken.lastPageGone.askedMs),
            answeredSeconds: seconds(taken.lastPageGone.answeredMs),
          }
        : null,
      watched: taken.watched,
      showingBefore: taken.showingBefore,
      staleAnswersAfterSaved: taken.staleAnswersAfterSaved,
      stillShowing: taken.stillShowing,
      reappeared: taken.reappeared,
      restored: restored.ok ? { seconds: seconds(restored.ms) } : restored,
    })
    progress(
      `withdrawal ${n}/${withdrawals}: ${taken.status}, gone everywhere in ${seconds(taken.slowestAnswerMs)} s, restored: ${restored.ok}`,
    )
    if (!restored.ok) {
      takedownFailures.push(`withdrawal ${n}: her story could not be published again (${restored.step})`)
      break
    }
  }
}

progress('stopping the server')
if (front) await stopServer(front)
const stopped = await stopServer(server)

/** Nearest rank: with 20 runs p95 is the 19th fastest, not the slowest. */
function spread(list) {
  const sorted = list.filter((v) => typeof v === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const at = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) }
}

const failures = []
for (const run of publishRuns) {
  if (run.status !== 200) failures.push(`run ${run.run}: the edit was answered ${run.status}`)
  const late = Object.keys(surfaces).filter((name) => run[name].seconds === null || run[name].seconds > withinMs / 1000)
  if (late.length) failures.push(`run ${run.run}: not live within ${withinMs / 1000} s on ${late.join(', ')}`)
}
for (const t of takedowns) {
  if (t.status !== 200) failures.push(`withdrawal ${t.run}: answered ${t.status}`)
  if (t.seconds === null || t.seconds > withinMs / 1000)
    failures.push(
      `withdrawal ${t.run}: not gone within ${withinMs / 1000} s from ${t.stillShowing.join(', ') || 'a page'}`,
    )
  if (t.reappeared.length) failures.push(`withdrawal ${t.run}: back on ${t.reappeared.join(', ')}`)
}
failures.push(...takedownFailures)
if (fiveXXCount > 0) failures.push(`${fiveXXCount} answers with status 5xx`)

const result = {
  ...runContext(root, loadAtStart),
  serverUrl: base,
  readUrl: readBase,
  throughFront: values.front,
  pollMs,
  story: { id: story.id, slug: story.slug, writtenForTheRun: story.written },
  publishToLive: {
    runs: publishRuns.length,
    surfaces: Object.fromEntries(
      Object.entries(surfaces).map(([name, url]) => [
        name,
        { path: url, seconds: spread(publishRuns.map((run) => run[name].seconds)) },
      ]),
    ),
    // Until the last of the four showed it.
    everySurfaceSeconds: spread(
      publishRuns.map((run) =>
        Object.keys(surfaces).every((name) => run[name].seconds !== null)
          ? Math.max(...Object.keys(surfaces).map((name) => run[name].seconds))
          : null,
      ),
    ),
    patchSeconds: spread(publishRuns.map((run) => run.patchSeconds)),
    staleAnswersAfterSaved: publishRuns.reduce(
      (n, run) => n + Object.keys(surfaces).reduce((m, name) => m + run[name].staleAfterSaved, 0),
      0,
    ),
    details: publishRuns,
  },
  takedown: {
    policy,
    withdrawals: takedowns.length,
    seconds: spread(takedowns.map((t) => t.seconds)),
    askedSeconds: spread(takedowns.map((t) => t.askedSeconds)),
    requestSeconds: spread(takedowns.map((t) => t.requestSeconds)),
    details: takedowns,
  },
  askedAgain,
  unanswered,
  fiveXX: fiveXXCount,
  fiveXXDetails: fiveXX,
  serverStopped: stopped,
  serverErrors: log
    .split('\n')
    .filter((line) => /\berror\b|unhandled|uncaught|ECONN|SQLITE_/i.test(line))
    .slice(0, 20),
  failures,
  ok: failures.length === 0,
  totalSeconds: round((Date.now() - began) / 1000, 1),
}
clearTimeout(watchdog)
console.log(JSON.stringify(result, null, 2))
process.exit(failures.length === 0 ? 0 : 1)
