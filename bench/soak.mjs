/**
 * The soak: a production server (`next build` first) on a copy of a seeded data folder, under
 * everything at once for a while. Visitors read the public site hard, editors publish edits to
 * stories of their own, and a safeguarding officer keeps recording consent withdrawals, while the
 * server's memory is sampled every second. Prints one JSON object (BENCHMARKS.md, "Soak").
 *
 *   node bench/soak.mjs --data data/e2e --port 3215 [--seconds 300] [--readers 100] [--editors 3]
 *                       [--edit-every 2] [--withdraw-every 6] [--people 5]
 *                       [--server-log <file>] [--trace <file>]
 *
 * What must hold, or the exit code is 1:
 * - no request answers 5xx (visitors, editors and the officer alike);
 * - no edit is lost: every save answered 200 is read back with its text stored, a save refused
 *   with 409 (`editConflict`) stored nothing, and at the end each story's public page shows its
 *   editor's last text within 5 s of that save;
 * - every withdrawal takes her stories off every public page (the story in every language, home,
 *   the story index, the feeds, the sitemap, search) within 5 s of the officer sending it;
 * - the database passes `PRAGMA integrity_check` afterwards.
 * Memory is reported, never judged: budgets belong in BENCHMARKS.md.
 *
 * The data folder's admin signs in with VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD, under the
 * PAYLOAD_SECRET the folder was made with. Everything happens on 127.0.0.1; the server and the
 * copy are removed on every way out, and the whole run is bounded by its duration and setup.
 */
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'

import { killTree, percentiles, readOptions, round, sleep, statusOf, stopServer, treeRssMB } from './lib/helpers.mjs'
import { addPerson, locales, restore, signIn, storyBody, withdraw } from './lib/staff.mjs'
/** Takedown and publish-to-live must both happen within this. */
const withinMs = 5_000
/**
 * After the soak's window, its last edits and withdrawals are watched for this long at most; any
 * request still unanswered then is given up, so a server that stopped answering ends the soak
 * with a report of what did not happen, not a hang.
 */
const windDownSeconds = 120

if (isMainThread) {
  await main()
} else {
  readers(workerData)
}

/**
 * Visitors, in a thread of their own so that their load never delays the editors' and the
 * officer's clocks: `connections` keep-alive connections, each taking the next page of the
 * rotating list for every request. Counts every status, and which pages answered 5xx.
 */
function readers({ base, pages, connections, seconds }) {
  let next = 0
  const statusCounts = {}
  const fiveXXByPage = {}
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const page = pages[next++ % pages.length]
          context.page = page
          return { ...request, path: page }
        },
        onResponse: (status, _body, context) => {
          if (status >= 500) fiveXXByPage[context.page] = (fiveXXByPage[context.page] ?? 0) + 1
        },
      },
    ],
  })
  const started = Date.now()
  const perSecond = []
  instance.on('response', (_client, status) => {
    statusCounts[status] = (statusCounts[status] ?? 0) + 1
    const second = Math.floor((Date.now() - started) / 1000)
    perSecond[second] = (perSecond[second] ?? 0) + 1
  })
  // What was counted so far, every second: the soak judges by it should the final report not come.
  const counted = () => ({
    requests: Object.values(statusCounts).reduce((a, b) => a + b, 0),
    seconds: (Date.now() - started) / 1000,
    statusCounts,
    fiveXXByPage,
    perSecond: Array.from(perSecond, (n) => n ?? 0),
    startedAt: started,
  })
  const reporting = setInterval(() => parentPort.postMessage({ counted: counted() }), 1_000)
  parentPort.on('message', (message) => {
    if (message === 'stop') instance.stop()
  })
  instance.then(
    (raw) => {
      clearInterval(reporting)
      // Inside a thread autocannon hands back its histograms undecoded, as it does to its own workers.
      const result = autocannon.aggregateResult([raw], { url: base, connections, duration: seconds })
      parentPort.postMessage({
        requests: result.requests.total,
        seconds: result.duration,
        statusCounts,
        fiveXXByPage,
        perSecond: Array.from(perSecond, (n) => n ?? 0),
        startedAt: started,
        errors: result.errors,
        timeouts: result.timeouts,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      })
    },
    (error) => {
      clearInterval(reporting)
      parentPort.postMessage({ error: String(error?.stack ?? error) })
    },
  )
}

async function main() {
  const { values } = readOptions('soak', {
    options: {
      data: { type: 'string', default: 'data/e2e' },
      port: { type: 'string', default: '3215' },
      seconds: { type: 'string', default: '300' },
      readers: { type: 'string', default: '100' },
      editors: { type: 'string', default: '3' },
      'edit-every': { type: 'string', default: '2' },
      'withdraw-every': { type: 'string', default: '6' },
      people: { type: 'string', default: '5' },
      'server-log': { type: 'string' },
      trace: { type: 'string' },
      // For the short form in `npm test`: times are reported, not judged (speed belongs to the
      // benchmark); a takedown or edit that never shows, or comes undone, still fails.
      'times-reported-only': { type: 'boolean', default: false },
    },
  })
  const seconds = Number(values.seconds)
  const readerCount = Number(values.readers)
  const editorCount = Number(values.editors)
  const editEvery = Number(values['edit-every'])
  const withdrawEvery = Number(values['withdraw-every'])
  const peopleCount = Number(values.people)
  const port = Number(values.port)
  for (const [name, value, least] of [
    ['--seconds', seconds, 10],
    ['--readers', readerCount, 1],
    ['--editors', editorCount, 0],
    ['--edit-every', editEvery, 0],
    ['--withdraw-every', withdrawEvery, 1],
    ['--people', peopleCount, 1],
    ['--port', port, 1024],
  ]) {
    if (!Number.isInteger(value) || value < least) fail(`${name} must be a whole number, at least ${least}`)
  }
  const admin = { email: process.env.VOICES_ADMIN_EMAIL, password: process.env.VOICES_ADMIN_PASSWORD }
  if (!admin.email || !admin.password || !process.env.PAYLOAD_SECRET) {
    fail('Set PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD for the data folder.')
  }
  const source = path.resolve(values.data, 'voices.db')
  if (!fs.existsSync(source)) fail(`No database at ${source}: give --data a seeded data folder.`)

  const root = fileURLToPath(new URL('..', import.meta.url))
  const base = `http://127.0.0.1:${port}`
  const began = Date.now()
  const loadAtStart = os.loadavg()
  // Booting and setting up take a minute or two on a busy machine, then the soak itself, then the
  // last edits, takedowns and restores are watched to their end (each watch is bounded too).
  const bound = (300 + seconds + windDownSeconds + 60) * 1000
  /** Where the soak is, what it waits for and what the server said last: the watchdog's report. */
  const state = { phase: 'starting', inFlight: new Map(), askedAgain: 0, serverLogTail: () => '' }
  const progress = (phase) => {
    state.phase = phase
    console.error(`soak +${round((Date.now() - began) / 1000, 1)} s: ${phase}`)
  }
  const watchdog = setTimeout(() => {
    const now = Date.now()
    const waiting = [...state.inFlight.values()]
      .sort((a, b) => a.sent - b.sent)
      .slice(0, 15)
      .map((c) => `  ${c.method} ${c.url} for ${round((now - c.sent) / 1000, 1)} s`)
    fail(
      [
        `the soak did not end within ${bound / 1000} s, while ${state.phase}`,
        `${state.inFlight.size} requests of its own unanswered${waiting.length ? ':' : ''}`,
        ...waiting,
        'the server said last:',
        state.serverLogTail(),
      ].join('\n'),
    )
  }, bound)

  // A copy, so the soak writes nothing into the folder it was given.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-soak-'))
  let server = null
  let reading = null
  process.on('exit', () => {
    reading?.terminate()
    if (server && server.exitCode === null && server.signalCode === null) killTree(server.pid, 'SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => fail(`stopped by ${signal}`))
  }

  progress(`copying ${values.data}`)
  const copy = createClient({ url: `file:${source}` })
  await copy.execute({ sql: 'VACUUM INTO ?', args: [path.join(dataDir, 'voices.db')] })
  copy.close()
  if (fs.existsSync(path.join(values.data, 'media'))) {
    fs.cpSync(path.join(values.data, 'media'), path.join(dataDir, 'media'), { recursive: true })
  }

  // Answers on the port before the server starts would come from something else.
  if ((await statusOf(`${base}/`, 2_000)) !== 0)
    fail(`something already answers on port ${port}: stop it or pick another --port`)
  progress(`starting the server on port ${port}`)
  // Its own process group, so the server and anything it starts end together.
  server = spawn(process.execPath, [path.join(root, 'server/start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VOICES_DATA_DIR: dataDir,
      VOICES_RUN_JOBS: 'false',
      NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  const serverLog = values['server-log'] ? fs.createWriteStream(path.resolve(values['server-log'])) : null
  const keep = (chunk) => {
    serverLog?.write(chunk)
    log += chunk
    if (log.length > 2_000_000) log = log.slice(-1_000_000)
  }
  server.stdout.on('data', keep)
  server.stderr.on('data', keep)
  state.serverLogTail = () => log.split('\n').slice(-40).join('\n')

  const bootDeadline = Date.now() + 180_000
  while ((await statusOf(`${base}/api/stories?limit=1`)) !== 200) {
    if (server.exitCode !== null || server.signalCode !== null) fail(`the server stopped while starting:\n${log}`)
    if (Date.now() > bootDeadline) fail(`the server did not answer within 180 s:\n${log}`)
    await sleep(500)
  }
  const rssAfterBoot = treeRssMB(server.pid)
  progress('the server answers; preparing stories and people')

  // Every request the soak makes itself goes through here: 5xx are counted wherever they come from.
  const fiveXX = []
  /** With --trace: every request of the soak's own, one JSON line each (when asked, answered, status). */
  const trace = values.trace ? fs.createWriteStream(path.resolve(values.trace)) : null
  /**
   * Requests of the soak's own that got no answer in time (30 s): the first 50, and how many. The
   * officer's 2 s glance before a withdrawal is only counted: a busy server may well take longer.
   */
  const unanswered = []
  const unansweredCount = { requests: 0, glances: 0 }
  const noteUnanswered = ({ method, url, started, glance }, text) => {
    if (glance) return void (unansweredCount.glances += 1)
    unansweredCount.requests += 1
    if (unanswered.length < 50) unanswered.push({ method, url, secondsIn: round((started - began) / 1000, 1), text })
  }
  /** Set when the soak begins: the end of its wind-down (see windDownSeconds). */
  let giveUpAt = Infinity
  let callId = 0
  /**
   * One request as a browser makes it: Voices answers a page whose render a change overtook with
   * a `307` to the same address ("ask again"), which a browser follows at once, so a read follows
   * such redirects (ten at most) and is judged by the page it ends on, counted from when it was
   * first asked for. Any other redirect is the answer itself.
   */
  async function call(method, url, options = {}) {
    const first = await callOnce(method, url, options)
    let answer = first
    for (let hop = 0; hop < 10 && answer.status === 307 && answer.location === url; hop++) {
      state.askedAgain += 1
      answer = await callOnce(method, url, options)
    }
    return answer === first ? first : { ...answer, sent: first.sent, ms: answer.at - first.sent, askedAgain: true }
  }
  async function callOnce(method, url, { token, body, timeout = 30_000, glance = false } = {}) {
    const started = Date.now()
    const left = giveUpAt - started
    if (left <= 0) {
      noteUnanswered({ method, url, started, glance }, 'not sent: the wind-down was over')
      return { status: 0, text: 'not sent: the wind-down was over', json: null, ms: 0, sent: started, at: started }
    }
    const id = callId++
    state.inFlight.set(id, { method, url, sent: started })
    try {
      return await answerOf(method, url, { token, body, timeout: Math.min(timeout, left), glance }, started)
    } finally {
      state.inFlight.delete(id)
    }
  }
  async function answerOf(method, url, { token, body, timeout, glance }, started) {
    // A timer of its own, held until the answer is read in full: undici keeps only a weak hold on
    // an `AbortSignal.timeout`, which can be collected before it fires, leaving a read that the
    // server never finishes waiting for ever.
    // And the soak stops waiting when the time is up even if the fetch does not settle on its abort,
    // which undici (Node 20) was seen not to do for an answer cut off halfway.
    const controller = new AbortController()
    let timer
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new DOMException('no answer in time', 'TimeoutError'))
        noteUnanswered({ method, url, started, glance }, 'no answer in time')
        resolve({
          status: 0,
          text: 'TimeoutError',
          json: null,
          ms: Date.now() - started,
          sent: started,
          at: Date.now(),
        })
      }, timeout)
    })
    try {
      return await Promise.race([
        answerWithin(method, url, { token, body, glance }, started, controller.signal),
        timedOut,
      ])
    } finally {
      clearTimeout(timer)
    }
  }
  async function answerWithin(method, url, { token, body, glance }, started, signal) {
    let response
    try {
      response = await fetch(`${base}${url}`, {
        method,
        headers: {
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal,
      })
    } catch (error) {
      const text = String(error?.cause?.code ?? error?.name ?? error)
      // An abort is the timer's, which has counted it already.
      if (!signal.aborted) noteUnanswered({ method, url, started, glance }, text)
      trace?.write(`${JSON.stringify({ sent: started, at: Date.now(), method, url, status: 0 })}\n`)
      return { status: 0, text, json: null, ms: Date.now() - started, sent: started, at: Date.now() }
    }
    const text = await response.text().catch((error) => {
      // Headers came, the rest never did: as good as no answer.
      if (!signal.aborted) noteUnanswered({ method, url, started, glance }, `body: ${error}`)
      return ''
    })
    let json = null
    try {
      json = JSON.parse(text)
    } catch {
      // A page, not JSON.
    }
    if (response.status >= 500) fiveXX.push({ method, url, status: response.status, body: text.slice(0, 300) })
    trace?.write(`${JSON.stringify({ sent: started, at: Date.now(), method, url, status: response.status })}\n`)
    return {
      status: response.status,
      location: response.headers.get('location'),
      text,
      json,
      ms: Date.now() - started,
      sent: started,
      at: Date.now(),
    }
  }
  const must = (result, expected, what) => {
    if (result.status !== expected) fail(`${what}: ${result.status} ${result.text.slice(0, 500)}`)
    return result.json
  }

  const { token, policy } = await signIn(call, admin, must)
  // The soak reads the public pages from the server it writes to.
  const staff = { call, read: call, token, must, label: 'Soak' }
  const runId = Date.now().toString(36).slice(-6)

  // Editors' stories: published ones that nobody in needs a new sign-off, as many as there are
  // editors at least (stories about nobody are written for any editor left without one).
  const published = must(
    await call('GET', '/api/stories?limit=200&depth=0&sort=-publishedAt&where[_status][equals]=published'),
    200,
    'listing stories',
  ).docs
  const editable = []
  // Three stories an editor at most, and the site's 30 latest stories read: the setup stays short
  // however much a data folder holds.
  for (const story of published) {
    if (editable.length >= 3 * editorCount) break
    // Ready as it stands, and about no participant: any change to a story about one needs a new
    // sign-off (leaders' consent is checked on every save, but signs nothing).
    const check = await call('GET', `/api/stories/${story.id}/publish-check`, { token })
    const stored = await call('GET', `/api/stories/${story.id}?depth=0`, { token })
    const aboutParticipants = (stored.json?.dependsOn ?? []).some((key) => String(key).startsWith('participants:'))
    if (check.json?.ready && stored.status === 200 && !aboutParticipants) {
      editable.push({ id: String(story.id), slug: story.slug })
    }
  }
  for (let i = editable.length; i < editorCount; i++) {
    const draft = must(
      await call('POST', '/api/stories?draft=true', {
        token,
        body: {
          title: `Soak ${runId} weekly group ${i}`,
          slug: '',
          body: storyBody('The group met on Tuesday, as every week.'),
          _status: 'draft',
        },
      }),
      201,
      'writing a story for an editor',
    )
    const doc = must(
      await call('PATCH', `/api/stories/${draft.doc.id}`, { token, body: { _status: 'published' } }),
      200,
      'publishing a story for an editor',
    ).doc
    editable.push({ id: String(doc.id), slug: doc.slug })
  }
  const owned = Array.from({ length: editorCount }, (_, e) => editable.filter((_, i) => i % editorCount === e))

  // The people the officer withdraws: each featured in two or three published stories, signed off.
  const people = []
  for (let p = 0; p < peopleCount; p++) {
    people.push(await addPerson(staff, { tag: `sk${runId}p${p}`, stories: 2 + (p % 2) }))
  }

  const programs = must(
    await call('GET', '/api/programs?limit=100&depth=0&where[_status][equals]=published'),
    200,
    'listing programs',
  ).docs
  const storyPages = [...published.slice(0, 30).map((s) => s.slug), ...editable.map((s) => s.slug)]
  const pages = [
    ...new Set([
      ...locales.flatMap((l) => [`/${l}`, `/${l}/stories`, `/${l}/programs`, `/${l}/feed.xml`]),
      '/en/stories/page/2',
      '/sitemap.xml',
      '/en/search?q=women',
      '/ru/search?q=%D0%B3%D1%80%D1%83%D0%BF%D0%BF%D0%B0',
      ...people.map((person) => `/en/search?q=${person.tag}`),
      ...storyPages.flatMap((slug) => locales.map((l) => `/${l}/stories/${slug}`)),
      ...people.flatMap((person) => person.stories.map((story) => `/en/stories/${story.slug}`)),
      ...programs.flatMap((program) => locales.map((l) => `/${l}/programs/${program.slug}`)),
    ]),
  ]
  progress(
    `${editable.length} stories for editors, ${people.length} people with their stories; warming ${pages.length} pages`,
  )
  // Warm: every page rendered once, as visitors would have before the soak.
  const warmup = {}
  for (const page of pages) {
    const status = await statusOf(`${base}${page}`)
    warmup[status] = (warmup[status] ?? 0) + 1
  }
  const setupSeconds = round((Date.now() - began) / 1000, 1)

  // Memory: the whole server process tree, every second.
  const rss = []
  const soakStart = Date.now()
  const sampler = setInterval(() => rss.push({ t: (Date.now() - soakStart) / 1000, mb: treeRssMB(server.pid) }), 1000)
  rss.push({ t: 0, mb: treeRssMB(server.pid) })
  const soakEnd = soakStart + seconds * 1000
  giveUpAt = soakEnd + windDownSeconds * 1000
  progress(
    `the soak's ${seconds} s begin: ${readerCount} readers over ${pages.length} pages, ${editorCount} editors, a withdrawal every ${withdrawEvery} s`,
  )

  reading = new Worker(new URL(import.meta.url), {
    workerData: { base, pages, connections: readerCount, seconds },
  })
  let countedSoFar = null
  const readResults = new Promise((resolve, reject) => {
    reading.on('message', (message) => {
      if (message.counted) countedSoFar = message.counted
      else resolve(message)
    })
    reading.once('error', reject)
  })

  // How long the server takes to answer its cheapest request (as a load balancer would ask it).
  const probing = (async () => {
    const times = []
    while (Date.now() < soakEnd) {
      const ready = await call('GET', '/api/ready')
      times.push(ready.status === 200 ? ready.ms : null)
      await sleep(1_000 - (Date.now() % 1_000))
    }
    return times
  })()
  const editing = runEditors(owned, soakEnd, editEvery * 1000, call, token)
  const withdrawing = runOfficer(people, soakEnd, withdrawEvery, policy, staff)

  const editors = await editing
  progress('the editors are done; waiting for the officer')
  const officer = await withdrawing
  progress('the officer is done; waiting for the readers')
  const probes = await probing
  // The readers stop with the window; their report is waited for a minute at most, then what they
  // had counted stands in for it (and says so).
  const readersLate = Symbol('late')
  const reported = await Promise.race([readResults, sleep(soakEnd + 60_000 - Date.now()).then(() => readersLate)])
  if (reported === readersLate) progress('the readers did not report within a minute of the end; using their counts')
  const read = reported === readersLate ? { ...countedSoFar, reportedLate: true } : reported
  if (read.error) fail(`the readers failed: ${read.error}`)
  if (!read.statusCounts) fail('the readers counted nothing')
  trace?.write(`${JSON.stringify({ readers: { startedAt: read.startedAt, answersPerSecond: read.perSecond } })}\n`)
  clearInterval(sampler)
  await reading.terminate()
  reading = null

  // Stopped as an operator would stop it, then the database is checked as it was left.
  progress('stopping the server')
  const stopped = await stopServer(server)
  const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
  const integrity = (await db.execute('PRAGMA integrity_check')).rows.map((row) => row[0]).join('; ')
  db.close()

  const readerFiveXX = Object.entries(read.statusCounts)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0)
  const takedowns = officer.withdrawals.map((w) => w.takedownMs)
  const failures = []
  if (readerFiveXX + fiveXX.length > 0) failures.push(`${readerFiveXX + fiveXX.length} answers with status 5xx`)
  if (editors.lost.length > 0) failures.push(`${editors.lost.length} lost edits`)
  if (editors.refusedButStored.length > 0) failures.push(`${editors.refusedButStored.length} refused edits stored`)
  const judgeTimes = !values['times-reported-only']
  const late = editors.live.filter((live) => live.ms === null || (judgeTimes && live.ms > withinMs))
  if (late.length > 0)
    failures.push(`${late.length} stories not showing their last edit${judgeTimes ? ' within 5 s' : ''}`)
  const slow = officer.withdrawals.filter(
    (w) => w.takedownMs === null || (judgeTimes && w.takedownMs > withinMs) || w.reappeared.length,
  )
  if (slow.length > 0) {
    failures.push(`${slow.length} withdrawals not taken down${judgeTimes ? ' within 5 s' : ''} for good`)
  }
  if (officer.withdrawals.some((w) => w.status !== 200)) failures.push('a withdrawal was not recorded')
  if (integrity !== 'ok') failures.push(`integrity check: ${integrity}`)
  // A request the server left unanswered for 30 s is a visitor, editor or officer left waiting.
  if (unansweredCount.requests > 0)
    failures.push(`${unansweredCount.requests} requests of the soak's own unanswered after 30 s`)

  // The soak's own window; the wind-down after it (last edits and takedowns watched) apart.
  const during = rss.filter((sample) => sample.t <= seconds)
  const secondHalf = during.filter((sample) => sample.t >= seconds / 2)
  const result = {
    seconds,
    readers: readerCount,
    editors: editorCount,
    editEverySeconds: editEvery,
    withdrawEverySeconds: withdrawEvery,
    withdrawalPolicy: policy,
    machine: {
      cpus: os.cpus().length,
      memoryGB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      // 1, 5 and 15 minutes: other work on the machine shares its cores with the server and the soak.
      loadAverageAtStart: loadAtStart.map((n) => round(n, 2)),
      loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)),
    },
    setup: {
      seconds: setupSeconds,
      editorStories: editable.length,
      people: people.length,
      theirStories: people.reduce((n, person) => n + person.stories.length, 0),
      pages: pages.length,
      warmupStatusCounts: warmup,
    },
    requests: read.requests,
    ...(read.reportedLate ? { readersReportedLate: true } : {}),
    requestsPerSecond: round(read.requests / read.seconds, 1),
    statusCounts: read.statusCounts,
    // Of the requests answered within autocannon's 10 s; the others are counted as timeouts.
    latencyMsOfAnswered: read.latencyMs,
    errors: read.errors,
    timeouts: read.timeouts,
    fiveXX: readerFiveXX + fiveXX.length,
    fiveXXByPage: read.fiveXXByPage,
    readyProbeMs: {
      ...percentiles(probes),
      unanswered: probes.filter((ms) => ms === null).length,
      over5s: probes.filter((ms) => ms > withinMs).length,
    },
    fiveXXOfStaff: fiveXX.slice(0, 20),
    // Staff's page reads that Voices answered "ask again" (a render a change overtook), followed.
    askedAgainOfStaff: state.askedAgain,
    unansweredOfStaff: { ...unansweredCount, first: unanswered },
    edits: {
      attempted: editors.attempted,
      saved: editors.saved,
      lost: editors.lost.length,
      lostDetails: editors.lost.slice(0, 20),
      unread: editors.unread,
      conflicts: editors.conflicts,
      refusedButStored: editors.refusedButStored.slice(0, 20),
      otherRefusals: editors.refusals,
      statusCounts: editors.statusCounts,
      saveMs: percentiles(editors.saveMs),
      publishToLive: {
        stories: editors.live.length,
        maxMs: editors.live.length ? Math.max(...editors.live.map((live) => live.ms ?? Infinity)) : null,
        staleAnswers: editors.live.reduce((n, live) => n + (live.staleAnswers ?? 0), 0),
        late,
      },
    },
    withdrawals: {
      count: officer.withdrawals.length,
      takedownMs: takedowns,
      maxTakedownMs: takedowns.length ? Math.max(...takedowns.map((t) => t ?? Infinity)) : null,
      requestMs: percentiles(officer.withdrawals.map((w) => w.requestMs)),
      details: officer.withdrawals.map(({ sentAt, ...w }) => ({
        atSecond: round((sentAt - soakStart) / 1000, 1),
        ...w,
      })),
      restored: officer.restores.filter((r) => r.ok).length,
      restoreFailures: officer.restores.filter((r) => !r.ok).slice(0, 20),
      backLiveMs: percentiles(officer.restores.filter((r) => r.ok).map((r) => r.ms)),
    },
    rssMB: {
      afterBoot: rssAfterBoot,
      atStart: during[0]?.mb ?? null,
      atEnd: during.at(-1)?.mb ?? null,
      peak: during.length ? Math.max(...during.map((sample) => sample.mb)) : null,
      slopeSecondHalfMBPerMin: slope(secondHalf),
      // The highest sample of each half minute, to see whether it levels off.
      peakByHalfMinute: peaksEvery(during, 30),
      samples: during.length,
      afterWindDown: rss.at(-1)?.mb ?? null,
    },
    serverStopped: stopped,
    integrity,
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
}

/**
 * Editors, each publishing edits to her own stories in turn until the soak ends: a unique text in
 * the excerpt, with the `updatedAt` she last read (as the admin sends it). Every 200 is read back.
 * When the soak ends, each publishes her stories once more and watches their public pages until
 * they show that last text (publish-to-live).
 */
async function runEditors(owned, soakEnd, editEveryMs, call, token) {
  const stats = {
    attempted: 0,
    saved: 0,
    conflicts: 0,
    /** Saves whose story could not be read back at all: neither confirmed nor lost. */
    unread: 0,
    lost: [],
    refusedButStored: [],
    refusals: [],
    statusCounts: {},
    saveMs: [],
    live: [],
  }
  /** The story as stored; asked again when a busy server gave no answer, so no edit is judged unread. */
  const readBack = async (story) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const got = await call('GET', `/api/stories/${story.id}?depth=0`, { token })
      if (got.status === 200) return got.json
    }
    return null
  }
  await Promise.all(
    owned.map(async (stories, e) => {
      const seen = new Map()
      for (const story of stories) seen.set(story.id, (await readBack(story))?.updatedAt)
      let n = 0
      /** One save and its read-back: the marker when it was saved and stored, otherwise null. */
      const edit = async (story) => {
        n += 1
        const marker = `soak-edit-e${e}-n${n}-${Math.random().toString(36).slice(2, 8)}`
        stats.attempted += 1
        const saved = await call('PATCH', `/api/stories/${story.id}`, {
          token,
          body: { excerpt: marker, _status: 'published', updatedAt: seen.get(story.id) },
        })
        stats.statusCounts[saved.status] = (stats.statusCounts[saved.status] ?? 0) + 1
        stats.saveMs.push(saved.ms)
        const stored = await readBack(story)
        if (stored) seen.set(story.id, stored.updatedAt)
        if (saved.status === 200) {
          stats.saved += 1
          if (stored?.excerpt === marker) return { marker, savedAt: saved.at }
          if (stored) stats.lost.push({ story: story.id, marker, stored: stored.excerpt, at: new Date().toISOString() })
          else stats.unread += 1
        } else if (saved.status === 409) {
          stats.conflicts += 1
          const code = saved.json?.errors?.[0]?.data?.code
          if (code !== 'editConflict' || stored?.excerpt === marker) {
            stats.refusedButStored.push({ story: story.id, marker, code, stored: stored?.excerpt ?? null })
          }
        } else if (stats.refusals.length < 20) {
          stats.refusals.push({ story: story.id, status: saved.status, body: saved.text.slice(0, 300) })
        }
        // No answer at all (a timeout) claimed nothing either; let the server breathe.
        if (saved.status === 0) await sleep(200)
        return null
      }
      // Each editor publishes an edit every `editEvery` ms at most: still far busier than any
      // newsroom, whose editors type between one "Publish changes" and the next.
      while (Date.now() < soakEnd) {
        const started = Date.now()
        await edit(stories[n % stories.length])
        await sleep(Math.min(editEveryMs - (Date.now() - started), soakEnd - Date.now()))
      }
      const watching = []
      for (const story of stories) {
        const last = await edit(story)
        if (last) watching.push(untilLive(story, last, call).then((live) => stats.live.push(live)))
        else
          stats.live.push({
            story: story.id,
            slug: story.slug,
            ms: null,
            why: 'the last save was not confirmed stored',
          })
      }
      await Promise.all(watching)
    }),
  )
  return stats
}

/**
 * The story's public page shows this save's text within 5 s of its 200: the first answer that
 * shows it was asked for by then (when it arrived is reported beside it). Answers asked for after
 * the 200 that still showed older text are counted: a stale page, not a slow one.
 */
async function untilLive(story, { marker, savedAt }, call) {
  let stale = 0
  const deadline = savedAt + 30_000
  while (Date.now() < deadline) {
    const page = await call('GET', `/en/stories/${story.slug}`)
    if (page.status === 200 && page.text.includes(marker)) {
      return {
        story: story.id,
        slug: story.slug,
        ms: page.sent - savedAt,
        answeredMs: page.at - savedAt,
        staleAnswers: stale,
      }
    }
    if (page.status === 200) stale += 1
    await sleep(100)
  }
  return { story: story.id, slug: story.slug, ms: null, staleAnswers: stale }
}

/**
 * The safeguarding officer: every `every` seconds, records the withdrawal of one of the prepared
 * participants and watches every public page until none shows her stories (under the "redact"
 * policy: her name). Meanwhile, each withdrawn participant gives consent again, her stories are
 * signed off and published again, and she rejoins the queue once her stories are live.
 */
async function runOfficer(people, soakEnd, every, policy, staff) {
  const withdrawals = []
  const restores = []
  const running = []
  let turn = 0
  let next = Date.now() + Math.min(3_000, (every * 1000) / 2)
  // On the clock, whether or not the last one is still being watched; the last leaves time to
  // watch it come down before the soak ends.
  while (next < soakEnd - withinMs) {
    await sleep(next - Date.now())
    next += every * 1000
    const person = people.map((_, i) => people[(turn + i) % people.length]).find((p) => p.ready)
    if (!person) continue
    turn = people.indexOf(person) + 1
    person.ready = false
    running.push(
      (async () => {
        withdrawals.push(await withdraw(person, policy, staff))
        // Tried again while the soak lasts: a busy server may leave a step unanswered.
        for (let attempt = 1; ; attempt++) {
          const outcome = await restore(person, policy, staff)
          restores.push({ person: person.id, attempt, ...outcome })
          if (outcome.ok) person.ready = true
          if (outcome.ok || attempt >= 3 || Date.now() >= soakEnd) break
          await sleep(2_000)
        }
      })(),
    )
  }
  await Promise.all(running)
  return { withdrawals: withdrawals.sort((a, b) => a.sentAt - b.sentAt), restores }
}

/** The highest of the samples (`t` in seconds) in each `seconds`-long stretch from the first. */
function peaksEvery(samples, seconds) {
  const peaks = []
  for (const { t, mb } of samples) {
    const at = Math.floor((t - samples[0].t) / seconds)
    peaks[at] = Math.max(peaks[at] ?? 0, mb)
  }
  return [...peaks].map((mb) => mb ?? null)
}

/** Least-squares slope of the samples, in MB per minute. */
function slope(samples) {
  if (samples.length < 2) return null
  const n = samples.length
  const mt = samples.reduce((s, x) => s + x.t, 0) / n
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n
  const cov = samples.reduce((s, x) => s + (x.t - mt) * (x.mb - mm), 0)
  const vt = samples.reduce((s, x) => s + (x.t - mt) ** 2, 0)
  return vt === 0 ? null : round((cov / vt) * 60, 2)
}

/** Ends the soak with a reason; the exit handler stops the server and removes the copy. */
function fail(reason) {
  console.error(`soak: ${reason}`)
  process.exit(1)
}
