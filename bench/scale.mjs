/**
 * The scale benchmark: Voices with 10,000 stories in three languages, 50 programs, 500 leaders and
 * 5,000 participants with consent. Prints one JSON object (BENCHMARKS.md, "Scale").
 *
 *   node bench/scale.mjs --data <seeded data folder> [--port 3271] [--stories 10000] [--programs 50]
 *                        [--leaders 500] [--participants 5000] [--withdrawn-in 100] [--seconds 10]
 *                        [--connections 10] [--requests 10] [--keep <folder>] [--generated]
 *
 * 1. Generation, with no server running: a copy of the data folder is grown to those numbers with
 *    plain SQL in one transaction (bench/lib/scaleData.mjs): every generated story cloned from a
 *    seeded one, published, signed off, its featured people with consent, its latest version
 *    stored. One participant is featured in `--withdrawn-in` stories over the years, the newest
 *    among them. Counts already in the folder count towards the numbers. `--keep <folder>` keeps a
 *    copy of the generated folder; `--generated` takes `--data` as such a copy and skips this step.
 * 2. The production server with its page cache off (`VOICES_PAGE_CACHE_MB=0`: every page rendered
 *    and every query run for every request):
 *    - that the generated content is there: the public API's counts, generated stories' pages in
 *      every language, the publish check of generated stories (consent and sign-off hold);
 *    - each public page type read by autocannon at `--connections` for `--seconds`: the stories
 *      index, its last page, a program's stories, a story and a search; p50/p95 of every answer.
 *      Readers asking for one address at once share its render, so the story and the search are
 *      also read with every request asking for another story or words (no budget);
 *    - the sitemap and the English feed, `--requests` times each, one at a time, and what the
 *      sitemap lists (every story? an index of sitemaps?);
 *    - the admin's stories list as the admin asks for it (REST, as Payload's list view queries:
 *      depth 0, drafts, ten a page, the collection's default sort), signed in, one at a time, and
 *      the list page itself;
 *    - the server's memory (the process tree's RSS, every half second).
 * 3. The production server with its page cache (as deployed):
 *    - a story's first render: the first request after the start, then other stories' first
 *      renders, each asked again from the cache;
 *    - the sitemap and feed again, the first answer apart;
 *    - the takedown: the participant's consent withdrawn through REST (as the officer records
 *      it), and every page watched until none shows her stories: home, the index and the feed in
 *      every language, the sitemap, and 20 of her stories (the newest among them) in every
 *      language. The takedown is from sending the withdrawal to the moment the last page's first
 *      answer without her was asked for; afterwards every one of her stories is read in every
 *      language once.
 *
 * Budgets (the issue on performance at scale): public pages p95 < 100 ms uncached at 10
 * connections, the admin's list API p95 < 150 ms, sitemap and feed < 500 ms (p95 uncached), the
 * takedown < 5 s, server RSS < 600 MB (peak while the pages are read). Each figure is reported
 * with its budget and whether it was met. Exits 1 on a failure only: an error or a 5xx, a request
 * not answered within 30 s (which ends the run, printing what was measured so far), generated
 * content not visible or not valid, a takedown not complete within 30 s; never on a missed budget.
 *
 * PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD must be the data folder's.
 * Everything happens on 127.0.0.1; the server and the copies are removed on every way out.
 */
import autocannon from 'autocannon'
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
  startVoices,
  stopServer,
  treeRssMB,
} from './lib/helpers.mjs'
import { generateScale } from './lib/scaleData.mjs'
import { locales, signIn, validConsent } from './lib/staff.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const budgets = { publicPageMs: 100, adminListMs: 150, sitemapFeedMs: 500, takedownMs: 5_000, rssMB: 600 }
/** A takedown not complete this long after the withdrawal was sent fails the run. */
const takedownLimitMs = 30_000
/**
 * The withdrawal's own request is waited for longer, so that a takedown over the limit is still
 * measured; its pages are then watched for `takedownLimitMs` after its answer.
 */
const withdrawalWaitMs = 300_000
/** How many of her stories are watched in every language during the takedown. */
const watchedStories = 20

/** A wrong option: said on stderr, before anything runs. */
function usage(reason) {
  console.error(`scale: ${reason}. Usage: see the comment at the top of bench/scale.mjs.`)
  process.exit(1)
}

const values = readOptions('scale', {
  options: {
    data: { type: 'string', default: 'data/e2e' },
    port: { type: 'string', default: '3271' },
    stories: { type: 'string', default: '10000' },
    programs: { type: 'string', default: '50' },
    leaders: { type: 'string', default: '500' },
    participants: { type: 'string', default: '5000' },
    'withdrawn-in': { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    requests: { type: 'string', default: '10' },
    keep: { type: 'string' },
    generated: { type: 'boolean', default: false },
  },
}).values
const whole = (name, min, max) => {
  const n = Number(values[name])
  if (!Number.isInteger(n) || n < min || n > max) usage(`--${name} must be a whole number from ${min} to ${max}`)
  return n
}
const port = whole('port', 1024, 65535)
const numbers = {
  stories: whole('stories', 1, 200_000),
  programs: whole('programs', 1, 1_000),
  leaders: whole('leaders', 1, 20_000),
  participants: whole('participants', 2, 100_000),
  withdrawnIn: whole('withdrawn-in', 1, 10_000),
}
const seconds = whole('seconds', 1, 120)
const connections = whole('connections', 1, 500)
const requests = whole('requests', 2, 1_000)
const admin = { email: process.env.VOICES_ADMIN_EMAIL, password: process.env.VOICES_ADMIN_PASSWORD }
if (!admin.email || !admin.password || !process.env.PAYLOAD_SECRET) {
  usage('Set PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD for the data folder')
}
const source = path.resolve(values.data)
if (!fs.existsSync(path.join(source, 'voices.db'))) usage(`No database in ${source}: give --data a seeded data folder`)
const planFile = 'scale-plan.json'
if (values.generated && !fs.existsSync(path.join(source, planFile))) {
  usage(`--generated: ${source} has no ${planFile}; make one with --keep <folder>`)
}

const began = Date.now()
const loadAtStart = os.loadavg()
// Generation grows with the stories; every request and run below has its own bound.
const bound = (900 + numbers.stories * 0.05 + seconds * 12) * 1000
const watchdog = setTimeout(() => fail(`did not end within ${round(bound / 1000, 0)} s`), bound)
const progress = (what) => console.error(`scale +${round((Date.now() - began) / 1000, 1)} s: ${what}`)

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-scale-'))
let server = null
process.on('exit', () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    killTree(server.child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

const failures = []
/** Every 5xx the script met (the first 20 kept), wherever it came from. */
const fiveXX = []
let fiveXXCount = 0
/** What was measured so far: printed whole at the end, or as far as it got when the run fails. */
const report = { options: { ...numbers, seconds, connections, requests }, limits: budgets }

/**
 * Every budgeted figure in one place, as bench/lib/budgets.mjs tabulates them: `{ figure,
 * measured, budget, met }`, with the number and its limit beside (`value`, `limit`). A figure the
 * run did not get to is left out; one it could not measure has `met: null`.
 */
function budgetRows() {
  const row = (figure, value, section, unit = 'ms') =>
    section && {
      figure,
      measured: typeof value === 'number' ? `${value.toLocaleString('en-US')} ${unit}` : 'n/a',
      budget: `< ${section.budget.toLocaleString('en-US')} ${unit}`,
      met: section.met,
      value: value ?? null,
      limit: section.budget,
    }
  return [
    ...Object.entries(report.uncachedPages ?? {}).map(([name, r]) =>
      row(`${name} p95, uncached, ${connections} conn.`, r.latencyMs?.p95, r),
    ),
    row('sitemap p95 (index and parts), uncached', report.sitemap?.everyFileMs?.p95, report.sitemap),
    row('feed p95, uncached', report.feed?.uncachedMs?.p95, report.feed),
    row('story first render p95', report.storyFirstRender?.firstRenderMs?.p95, report.storyFirstRender),
    row('admin list API p95', report.adminListApi?.ms?.p95, report.adminListApi),
    row(`takedown of ${report.takedown?.stories} stories`, report.takedown?.takedownMs, report.takedown),
    row('server RSS peak while pages are read', report.rssMB?.peakWhilePagesRead, report.rssMB, 'MB'),
  ].filter(Boolean)
}

/** Prints the report, with `reason` as the failure that ended the run if there is one, and exits. */
function finish(reason) {
  clearTimeout(watchdog)
  if (reason) failures.push(reason)
  if (fiveXXCount > 0) failures.push(`${fiveXXCount} answers with status 5xx`)
  const out = {
    ...runContext(root, loadAtStart),
    ...report,
    budgets: budgetRows(),
    fiveXX: { count: fiveXXCount, first: fiveXX },
    failures,
    ok: failures.length === 0,
    totalSeconds: round((Date.now() - began) / 1000, 1),
  }
  if (reason) console.error(`scale: ${reason}`)
  console.log(JSON.stringify(out, null, 2))
  process.exit(failures.length === 0 ? 0 : 1)
}

/** Ends the run on a failure, with what was measured so far; the exit handler stops the server. */
function fail(reason) {
  finish(reason)
}

/** `{ n, p50, p95, max }` of the numbers, nearest rank; null when there are none. */
function spread(list) {
  const sorted = list.filter((v) => typeof v === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const at = (q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
  return { n: sorted.length, p50: round(at(0.5), 1), p95: round(at(0.95), 1), max: round(sorted.at(-1), 1) }
}

const base = `http://127.0.0.1:${port}`
/**
 * One request, as a browser makes it: a `307` to the same address ("ask again", a render a change
 * overtook: server/supersededRenders.mjs) is followed at once, ten times at most, and the answer
 * judged is the one it ends on, timed from the first request. Status 0 for no answer in time.
 */
async function ask(url, { method = 'GET', token, cookie, body, timeout = 30_000 } = {}) {
  const once = async () => {
    const sent = performance.now()
    const sentAt = Date.now()
    const controller = new AbortController()
    let timer
    // A timer of its own, raced with the fetch: an answer cut off halfway may never settle on an abort.
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort()
        resolve({ status: 0, text: 'no answer in time', location: null })
      }, timeout)
    })
    const answered = (async () => {
      try {
        const response = await fetch(`${base}${url}`, {
          method,
          headers: {
            ...(token ? { authorization: `JWT ${token}` } : {}),
            ...(cookie ? { cookie } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
          signal: controller.signal,
        })
        return { status: response.status, text: await response.text(), location: response.headers.get('location') }
      } catch (error) {
        return { status: 0, text: String(error?.cause?.code ?? error?.name ?? error), location: null }
      }
    })()
    try {
      const answer = await Promise.race([answered, timedOut])
      if (answer.status >= 500) {
        fiveXXCount += 1
        if (fiveXX.length < 20) fiveXX.push({ method, url, status: answer.status, body: answer.text.slice(0, 300) })
      }
      return { ...answer, sent, sentAt, at: performance.now() }
    } finally {
      clearTimeout(timer)
    }
  }
  const self = (to) => new URL(to, base).href
  const first = await once()
  let answer = first
  for (let hop = 0; hop < 10 && answer.status === 307 && self(answer.location ?? '') === self(url); hop++) {
    answer = await once()
  }
  let json = null
  try {
    json = JSON.parse(answer.text)
  } catch {
    // A page, not JSON.
  }
  return { ...answer, json, sent: first.sent, sentAt: first.sentAt, ms: round(answer.at - first.sent, 1) }
}

/** The API's answer as JSON, or the run fails saying what was asked. */
async function must(url, options, what) {
  const answer = await ask(url, options)
  if (answer.status !== 200 || !answer.json)
    fail(`${what}: ${url} answered ${answer.status} ${answer.text.slice(0, 300)}`)
  return answer.json
}

/** `count` requests one after another: their times, statuses and the last answer. */
async function sequence(url, count, options = {}) {
  const times = []
  const statusCounts = {}
  let last = null
  for (let i = 0; i < count; i++) {
    last = await ask(url, options)
    if (last.status === 0) fail(`${url} did not answer within 30 s`)
    statusCounts[last.status] = (statusCounts[last.status] ?? 0) + 1
    if (last.status === 200) times.push(last.ms)
  }
  return { times, statusCounts, last }
}

/** The server's memory, every half second, labelled with what was being measured. */
const rss = []
let phase = 'boot'
let sampler = null
function sampleMemory() {
  clearInterval(sampler)
  const take = () => server && rss.push({ server: server.label, phase, mb: treeRssMB(server.child.pid) })
  take()
  sampler = setInterval(take, 500)
}

async function start(label, env) {
  phase = 'boot'
  progress(`starting the server (${label})`)
  // Ready when it answers at all: whether the API can list stories at this scale is measured, not assumed.
  const started = await startVoices({ root, port, dataDir, env, readyPath: '/api/ready' }).catch((error) =>
    fail(`the server (${label}) did not start: ${String(error?.message ?? error).slice(0, 2000)}`),
  )
  server = { ...started, label }
  sampleMemory()
  return server
}

async function stop() {
  clearInterval(sampler)
  const how = await stopServer(server.child)
  const log = server.log()
  server = null
  return { how, log }
}

/**
 * One page read by autocannon at `connections` for `seconds`: every answer's time, by status.
 * Answers still under way when the time is up are not counted, so a page slower than the run
 * is read once more on every connection: every run has at least one answer per connection.
 */
/**
 * `connections` readers asking for `url` for `seconds`. Given a list, each request asks for the
 * next address in it, so that no two readers at once share a render.
 */
async function load(url) {
  const urls = [url].flat()
  let next = 0
  const times = []
  const statusCounts = {}
  let errors = 0
  let timeouts = 0
  const began = performance.now()
  const run = async (length) => {
    const instance = autocannon({
      url: `${base}${urls[0]}`,
      connections,
      timeout: 30,
      ...(urls.length > 1
        ? { requests: [{ setupRequest: (req) => ({ ...req, path: urls[next++ % urls.length] }) }] }
        : {}),
      ...length,
    })
    instance.on('response', (_client, status, _bytes, ms) => {
      statusCounts[status] = (statusCounts[status] ?? 0) + 1
      times.push(ms)
    })
    const result = await instance
    errors += result.errors
    timeouts += result.timeouts
  }
  await run({ duration: seconds })
  if (times.length < connections) await run({ amount: connections })
  const elapsed = (performance.now() - began) / 1000
  const over = Object.entries(statusCounts).filter(([status]) => Number(status) >= 500)
  for (const [status, n] of over) {
    fiveXXCount += n
    if (fiveXX.length < 20) fiveXX.push({ method: 'GET', url, status: Number(status), count: n })
  }
  return {
    path: urls.length > 1 ? `${urls[0]} and ${urls.length - 1} more` : url,
    connections,
    seconds: round(elapsed, 1),
    requests: times.length,
    requestsPerSecond: round(times.length / elapsed, 1),
    latencyMs: spread(times),
    statusCounts,
    errors,
    timeouts,
  }
}

/** A figure beside its budget: met, missed, or null when it could not be measured. */
const judged = (value, budget) => ({ budget, met: typeof value === 'number' ? value < budget : null })
const dbMB = (dir) => round(fs.statSync(path.join(dir, 'voices.db')).size / 2 ** 20, 1)

// 1. Generation.
let dataDir
let plan
if (values.generated) {
  progress(`copying the generated folder ${source}`)
  dataDir = await copyDataFolder(source, path.join(scratch, 'data'))
  plan = JSON.parse(fs.readFileSync(path.join(source, planFile), 'utf8'))
  plan.generation = { ...plan.generation, reused: source }
} else {
  progress(`copying ${source}`)
  dataDir = await copyDataFolder(source, path.join(scratch, 'data'))
  progress(
    `generating ${numbers.stories} stories, ${numbers.programs} programs, ${numbers.leaders} leaders, ${numbers.participants} participants`,
  )
  const generated = await generateScale(path.join(dataDir, 'voices.db'), {
    ...numbers,
    adminEmail: admin.email,
    scratch,
  })
  plan = { generation: { ...generated, databaseMB: dbMB(dataDir) } }
  progress(`generated in ${generated.seconds} s: ${generated.publishedStories} published stories`)
  if (values.keep) {
    const kept = path.resolve(values.keep)
    fs.rmSync(kept, { recursive: true, force: true })
    await copyDataFolder(dataDir, kept)
    fs.writeFileSync(path.join(kept, planFile), JSON.stringify(plan, null, 2))
    progress(`kept the generated folder in ${kept}`)
  }
}
const generation = plan.generation
const her = generation.withdrawn
report.generation = {
  ...generation,
  withdrawn: { ...her, stories: her.stories.length, newest: her.stories.slice(0, 3).map((s) => s.slug) },
}
if (her.stories.length === 0) fail('no generated story features the participant who withdraws')

// 2. The page cache off: every request rendered.
await start('page cache off', { VOICES_PAGE_CACHE_MB: '0' })
report.rssMB = { pageCacheOff: { afterBoot: treeRssMB(server.child.pid) }, budget: budgets.rssMB, met: null }
const { token, policy } = await signIn(
  (method, url, { token: t, body } = {}) => ask(url, { method, token: t, body }),
  admin,
  (answer, status, what) => {
    if (answer.status !== status) fail(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`)
    return answer.json
  },
)

phase = 'verify'
progress('checking the generated content is there and valid')
const totalOf = async (url, options) => (await must(url, options, 'counting'))?.totalDocs
const storyPage = generation.sampleStories[Math.min(2, generation.sampleStories.length - 1)] ?? her.stories.at(-1)
const verification = {}
report.verification = verification
verification.storiesVisible = await totalOf('/api/stories?limit=1&depth=0&select[slug]=true')
verification.programsVisible = await totalOf('/api/programs?limit=1&depth=0&select[slug]=true')
verification.leaders = await totalOf('/api/leaders?limit=1&depth=0&select[publicName]=true', { token })
verification.participants = await totalOf('/api/participants?limit=1&depth=0&select[publicName]=true', { token })
if (verification.storiesVisible !== generation.publishedStories) {
  failures.push(`the public API lists ${verification.storiesVisible} stories, not ${generation.publishedStories}`)
}
if (verification.programsVisible !== generation.programs) {
  failures.push(`the public API lists ${verification.programsVisible} programs, not ${generation.programs}`)
}
const unescape = (html) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
verification.storyPages = {}
for (const story of [...generation.sampleStories.slice(0, 2), her.stories[0]]) {
  for (const locale of locales) {
    const url = `/${locale}/stories/${story.slug}`
    const page = await ask(url)
    verification.storyPages[url] = { status: page.status, ms: page.ms }
    if (page.status === 0) fail(`${url} did not answer within 30 s`)
    const title = story.titles?.[locale]
    if (page.status !== 200 || (title && !unescape(page.text).includes(title))) {
      failures.push(`${url} answered ${page.status}${title ? ` without “${title}”` : ''}`)
    }
  }
}
verification.publishCheck = []
for (const story of [generation.sampleStories[0], generation.sampleStories.at(-1), her.stories[0]].filter(Boolean)) {
  const check = await must(`/api/stories/${story.id}/publish-check`, { token }, 'the publish check')
  verification.publishCheck.push({ slug: story.slug, ready: check.ready, problems: check.problems })
  if (!check.ready) failures.push(`${story.slug} could not be published: ${JSON.stringify(check.problems)}`)
}
// Search shows its matches a page at a time: a word every story has fills the first page, and
// the second page goes on with other stories.
const resultSlugs = (html) =>
  [...html.matchAll(/class="card__title"><a href="\/en\/stories\/([^"/]+)"/g)].map((m) => m[1])
const [firstResults, secondResults] = [await ask('/en/search?q=the'), await ask('/en/search?q=the&page=2')]
const firstSlugs = resultSlugs(firstResults.text)
const secondSlugs = resultSlugs(secondResults.text)
verification.searchPages = {
  statuses: [firstResults.status, secondResults.status],
  firstPage: firstSlugs.length,
  secondPage: secondSlugs.length,
  onBoth: secondSlugs.filter((slug) => firstSlugs.includes(slug)).length,
  linksToSecond: firstResults.text.includes('href="/en/search?q=the&amp;page=2"'),
}
if (
  generation.publishedStories > 24 &&
  JSON.stringify(verification.searchPages) !==
    JSON.stringify({ statuses: [200, 200], firstPage: 12, secondPage: 12, onBoth: 0, linksToSecond: true })
) {
  failures.push(`search does not page its results: ${JSON.stringify(verification.searchPages)}`)
}
if (failures.length) fail('the generated content is not as published')

// The pages, each read hard with nothing cached; one that does not answer in 30 s ends the run.
const indexPage = await ask('/en/stories')
if (indexPage.status !== 200) fail(`/en/stories answered ${indexPage.status || 'nothing within 30 s'}`)
const lastPage = Number(/Page 1 of (\d+)/.exec(indexPage.text)?.[1]) || Math.ceil(generation.publishedStories / 6) || 1
const word =
  String(storyPage.titles?.en ?? 'women')
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 4) ?? 'women'
const pages = {
  storiesIndex: '/en/stories',
  deepIndex: `/en/stories/page/${lastPage}`,
  programIndex: `/en/stories/program/${generation.programForIndex.slug}`,
  story: `/en/stories/${storyPage.slug}`,
  search: `/en/search?q=${encodeURIComponent(word.toLowerCase())}`,
}
phase = 'pages'
report.uncachedPages = {}
for (const [name, url] of Object.entries(pages)) {
  for (let i = 0; i < 2; i++) {
    const warm = await ask(url)
    if (warm.status !== 200) fail(`${url} answered ${warm.status || 'nothing within 30 s'}`)
  }
  progress(`${url}: ${connections} connections for ${seconds} s, nothing cached`)
  const run = await load(url)
  report.uncachedPages[name] = { ...run, ...judged(run.latencyMs?.p95, budgets.publicPageMs) }
  if (run.errors > 0 || Object.keys(run.statusCounts).some((s) => s !== '200')) {
    failures.push(`${url}: ${run.errors} errors, answers ${JSON.stringify(run.statusCounts)}`)
  }
}
// What a shared render does not cover: ten readers at once, each asking for another page (no
// budget; beside the figures above, it shows what one render costs).
const slugsListed = new Set()
for (let n = 1; n <= Math.min(10, lastPage); n++) {
  const listing = await ask(n === 1 ? '/en/stories' : `/en/stories/page/${n}`)
  for (const [, slug] of listing.text.matchAll(/href="\/en\/stories\/([^"/]+)"/g))
    if (!['page', 'program', 'tag'].includes(slug)) slugsListed.add(slug)
}
const everyRequestNew = {
  story: [...slugsListed].map((slug) => `/en/stories/${slug}`),
  search: Array.from({ length: 200 }, (_, n) => `/en/search?q=${encodeURIComponent(`${word.toLowerCase()} ${n + 1}`)}`),
}
report.everyRequestNew = {}
for (const [name, urls] of Object.entries(everyRequestNew)) {
  if (urls.length < connections) {
    failures.push(`too few different ${name} pages to read (${urls.length})`)
    continue
  }
  progress(`${urls.length} different ${name} pages: ${connections} connections for ${seconds} s, nothing cached`)
  const run = await load(urls)
  report.everyRequestNew[name] = run
  if (run.errors > 0 || Object.keys(run.statusCounts).some((s) => s !== '200')) {
    failures.push(`different ${name} pages: ${run.errors} errors, answers ${JSON.stringify(run.statusCounts)}`)
  }
}
/** The highest of these memory samples, or null. */
const peakOf = (samples) => (samples.length ? Math.max(...samples.map((s) => s.mb)) : null)
const pagePeak = peakOf(rss.filter((s) => s.phase === 'pages'))
Object.assign(report.rssMB, { peakWhilePagesRead: pagePeak, ...judged(pagePeak, budgets.rssMB) })

phase = 'sitemap and feed'
progress(`the sitemap and the feed, ${requests} times each, nothing cached`)
const sitemapRun = await sequence('/sitemap.xml', requests)
const sitemapText = sitemapRun.last?.text ?? ''
const sitemapMs = spread(sitemapRun.times)
report.sitemap = {
  path: '/sitemap.xml',
  bytes: Buffer.byteLength(sitemapText),
  urls: (sitemapText.match(/<url>/g) ?? []).length,
  isIndexOfSitemaps: sitemapText.includes('<sitemapindex'),
  storiesListed: [...sitemapText.matchAll(/<loc>[^<]*\/en\/stories\/([^<]+)<\/loc>/g)].length,
  storiesPublished: generation.publishedStories,
}
// An index: every part read once, each timed like the index itself.
const partTimes = []
if (report.sitemap.isIndexOfSitemaps) {
  const parts = [...sitemapText.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&')))
  const slugs = new Set()
  let largest = { bytes: 0, urls: 0 }
  for (const part of parts) {
    const run = await sequence(`${part.pathname}${part.search}`, 1)
    if (run.last?.status !== 200) failures.push(`the sitemap's part ${part.search} answered ${run.last?.status}`)
    const text = run.last?.text ?? ''
    partTimes.push(...run.times)
    for (const m of text.matchAll(/<loc>[^<]*\/en\/stories\/([^<]+)<\/loc>/g)) slugs.add(m[1])
    const size = { bytes: Buffer.byteLength(text), urls: (text.match(/<url>/g) ?? []).length }
    if (size.bytes > largest.bytes) largest = size
  }
  Object.assign(report.sitemap, { parts: parts.length, largestPart: largest, partMs: spread(partTimes) })
  report.sitemap.storiesListed = slugs.size
  report.sitemap.withinOneFileLimits = largest.urls <= 50_000 && largest.bytes <= 50 * 2 ** 20
} else {
  // The protocol's limits for one sitemap file: 50,000 URLs and 50 MB.
  report.sitemap.withinOneFileLimits = report.sitemap.urls <= 50_000 && report.sitemap.bytes <= 50 * 2 ** 20
}
report.sitemap.listsEveryStory = report.sitemap.storiesListed === generation.publishedStories
// Judged on every file a crawler reads: the index and each part.
const sitemapAll = spread([...sitemapRun.times, ...partTimes])
Object.assign(report.sitemap, {
  uncachedMs: sitemapMs,
  everyFileMs: sitemapAll,
  ...judged(sitemapAll?.p95, budgets.sitemapFeedMs),
})
const feedRun = await sequence('/en/feed.xml', requests)
const feedText = feedRun.last?.text ?? ''
const feedMs = spread(feedRun.times)
report.feed = {
  path: '/en/feed.xml',
  bytes: Buffer.byteLength(feedText),
  entries: (feedText.match(/<entry>/g) ?? []).length,
  uncachedMs: feedMs,
  ...judged(feedMs?.p95, budgets.sitemapFeedMs),
}

phase = 'admin'
progress('the admin’s stories list, signed in')
// As Payload's list view asks (views/List: depth 0, drafts, ten a page, the collection's defaultSort).
const adminListUrl = '/api/stories?depth=0&draft=true&limit=10&page=1&sort=-publishedAt&locale=en&fallback-locale=false'
const adminList = await sequence(adminListUrl, Math.max(requests, 20), { token })
const adminListMs = spread(adminList.times)
report.adminListApi = {
  path: adminListUrl,
  totalDocs: adminList.last?.json?.totalDocs ?? null,
  ms: adminListMs,
  ...judged(adminListMs?.p95, budgets.adminListMs),
}
const adminListPage = await sequence('/admin/collections/stories', Math.min(requests, 5), {
  cookie: `payload-token=${token}`,
})
report.adminListPage = { path: '/admin/collections/stories', ms: spread(adminListPage.times) }
for (const [what, run] of [
  ['the sitemap', sitemapRun],
  ['the feed', feedRun],
  ['the admin’s list API', adminList],
  ['the admin’s list page', adminListPage],
]) {
  if (Object.keys(run.statusCounts).some((s) => s !== '200')) {
    failures.push(`${what} answered ${JSON.stringify(run.statusCounts)}`)
  }
}
report.rssMB.pageCacheOff.peak = peakOf(rss)
const stoppedUncached = await stop()
report.serversStopped = [stoppedUncached.how]

// 3. The page cache on, as deployed.
await start('page cache on', {})
report.rssMB.pageCacheOn = { afterBoot: treeRssMB(server.child.pid) }
phase = 'first render'
const firstRenders = []
for (const story of [storyPage, ...generation.sampleStories.filter((s) => s.slug !== storyPage.slug)]) {
  const url = `/en/stories/${story.slug}`
  const first = await ask(url)
  const again = await ask(url)
  if (first.status !== 200 || again.status !== 200) failures.push(`${url} answered ${first.status}, ${again.status}`)
  firstRenders.push({ path: url, firstMs: first.ms, againMs: again.ms })
}
const firstRenderMs = spread(firstRenders.slice(1).map((r) => r.firstMs))
report.storyFirstRender = {
  // The first request after the start loads the page's code too.
  afterBoot: firstRenders[0],
  others: firstRenders.slice(1),
  firstRenderMs,
  cachedAgainMs: spread(firstRenders.map((r) => r.againMs)),
  ...judged(firstRenderMs?.p95, budgets.publicPageMs),
}
phase = 'sitemap and feed'
const cachedSpread = (run) => ({ firstMs: run.times[0] ?? null, thenMs: spread(run.times.slice(1)) })
report.sitemap.cachedMs = cachedSpread(await sequence('/sitemap.xml', requests))
report.feed.cachedMs = cachedSpread(await sequence('/en/feed.xml', requests))

phase = 'takedown'
progress(`the takedown: her consent withdrawn, ${her.stories.length} stories`)
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const herLinks = new RegExp(`/stories/(?:${her.stories.map((s) => escape(s.slug)).join('|')})(?![\\w-])`)
const step = Math.max(1, Math.floor(her.stories.length / watchedStories))
const watchedOfHers = her.stories.filter((_, i) => i % step === 0).slice(0, watchedStories)
const lists = [...locales.flatMap((l) => [`/${l}`, `/${l}/stories`, `/${l}/feed.xml`]), '/sitemap.xml']
const isStoryPage = (url) => /\/stories\/[^/]+$/.test(url)
const localeOf = (url) => locales.find((l) => url === `/${l}` || url.startsWith(`/${l}/`)) ?? 'en'
/** Whether an answer still shows anything of her, as bench/lib/staff.mjs `watchList` judges it. */
const shows = (url, page) => {
  if (policy === 'redact') return page.status === 200 && page.text.includes(her.publicName[localeOf(url)])
  return isStoryPage(url) ? page.status !== 404 : page.status !== 200 || herLinks.test(page.text)
}
const watched = [...lists, ...watchedOfHers.flatMap((s) => locales.map((l) => `/${l}/stories/${s.slug}`))]
// Every watched page read twice before (so it is cached, as it would be), each showing her.
const before = []
for (const url of watched) {
  await ask(url)
  before.push(shows(url, await ask(url)))
}
const notUpBefore = watched.filter((url, i) => isStoryPage(url) && !before[i])
if (policy !== 'redact' && notUpBefore.length) failures.push(`before the withdrawal, ${notUpBefore[0]} was not up`)
report.takedown = {
  participant: her.id,
  policy,
  stories: her.stories.length,
  watched: watched.length,
  watchedStories: watchedOfHers.length,
  showingBefore: before.filter(Boolean).length,
  budget: budgets.takedownMs,
  met: null,
}

const withdrawal = await ask(`/api/participants/${her.id}`, {
  method: 'PATCH',
  token,
  body: { consent: { ...validConsent(), withdrawnAt: new Date().toISOString(), withdrawalReason: 'Scale benchmark' } },
  timeout: withdrawalWaitMs,
})
Object.assign(report.takedown, { withdrawalStatus: withdrawal.status, requestMs: withdrawal.ms })
if (withdrawal.status !== 200) fail(`the withdrawal answered ${withdrawal.status} ${withdrawal.text.slice(0, 300)}`)
const deadline = performance.now() + takedownLimitMs
const gone = await Promise.all(
  watched.map(async (url) => {
    while (performance.now() < deadline) {
      const page = await ask(url, { timeout: Math.max(1, deadline - performance.now()) })
      if (page.status !== 0 && !shows(url, page)) {
        return { url, askedMs: round(page.sent - withdrawal.sent, 0), answeredMs: round(page.at - withdrawal.sent, 0) }
      }
      await sleep(100)
    }
    return { url, askedMs: null, answeredMs: null }
  }),
)
const stillShowing = gone.filter((g) => g.askedMs === null).map((g) => g.url)
const lastGone = stillShowing.length ? null : gone.reduce((a, b) => (b.askedMs > a.askedMs ? b : a))
Object.assign(report.takedown, {
  takedownMs: lastGone?.askedMs ?? null,
  lastPageGone: lastGone,
  slowestAnswerMs: lastGone ? Math.max(...gone.map((g) => g.answeredMs)) : null,
  stillShowing,
  ...judged(lastGone?.askedMs, budgets.takedownMs),
})
if (stillShowing.length) {
  failures.push(`${stillShowing.length} pages still showed her 30 s after the withdrawal was answered`)
} else if (lastGone.askedMs > takedownLimitMs) {
  failures.push(`the takedown took ${round(lastGone.askedMs / 1000, 1)} s, more than ${takedownLimitMs / 1000} s`)
}
// Then every one of her stories, in every language, once, four at a time.
const everyPage = her.stories.flatMap((s) => locales.map((l) => `/${l}/stories/${s.slug}`))
const notGone = []
for (let i = 0; i < everyPage.length; i += 4) {
  const batch = everyPage.slice(i, i + 4)
  const answers = await Promise.all(batch.map((url) => ask(url)))
  batch.forEach((url, k) => shows(url, answers[k]) && notGone.push(url))
}
report.takedown.everyStoryPage = { checked: everyPage.length, stillShowing: notGone.slice(0, 20) }
if (notGone.length) failures.push(`${notGone.length} of her story pages still showed her after the takedown`)
if (policy !== 'redact') {
  report.takedown.publishedLeft = await totalOf(
    `/api/stories?limit=1&depth=0&where[and][0][dependsOn][contains]=participants:${her.id}&where[and][1][_status][equals]=published`,
    { token },
  )
  if (report.takedown.publishedLeft)
    failures.push(`${report.takedown.publishedLeft} of her stories are still published`)
}
report.rssMB.pageCacheOn.peak = peakOf(rss.filter((s) => s.server === 'page cache on'))
// Beside the budgeted peak: the most either server held at any moment (the takedown included).
report.rssMB.peakAnyTime = peakOf(rss)
report.rssMB.samples = rss.length
const stoppedCached = await stop()
report.serversStopped.push(stoppedCached.how)
report.serverErrors = [stoppedUncached.log, stoppedCached.log]
  .flatMap((log) => log.split('\n'))
  .filter((line) => /\berror\b|unhandled|uncaught|SQLITE_/i.test(line))
  .slice(0, 20)
finish()
