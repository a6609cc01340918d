/**
 * Does lock contention hurt the read path? A production server (`next build` first) on a copy of
 * a seeded data folder is read hard (a cached public page, an API list) for a while with nobody
 * writing, then again while editors publish in a loop. Prints one JSON object (BENCHMARKS.md).
 *
 *   node bench/contention.mjs --data data/e2e --port 3231 [--seconds 15] [--writers 4] [--without-transactions]
 *
 * The data folder's admin signs in with VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD, under
 * the PAYLOAD_SECRET the folder was made with. `--without-transactions` runs the same server
 * with VOICES_SQLITE_TRANSACTIONS=off (Payload's SQLite adapter as it comes, for comparison).
 */
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data/e2e' },
    port: { type: 'string', default: '3231' },
    seconds: { type: 'string', default: '15' },
    writers: { type: 'string', default: '4' },
    'without-transactions': { type: 'boolean', default: false },
  },
})
const base = `http://127.0.0.1:${values.port}`
const seconds = Number(values.seconds)
const admin = { email: process.env.VOICES_ADMIN_EMAIL, password: process.env.VOICES_ADMIN_PASSWORD }
if (!admin.email || !admin.password || !process.env.PAYLOAD_SECRET) {
  console.error('Set PAYLOAD_SECRET, VOICES_ADMIN_EMAIL and VOICES_ADMIN_PASSWORD for the data folder.')
  process.exit(1)
}

// A copy, so the measurement writes nothing into the folder it was given.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-contention-'))
const source = createClient({ url: `file:${path.resolve(values.data, 'voices.db')}` })
await source.execute({ sql: 'VACUUM INTO ?', args: [path.join(dataDir, 'voices.db')] })
source.close()
if (fs.existsSync(path.join(values.data, 'media'))) {
  fs.cpSync(path.join(values.data, 'media'), path.join(dataDir, 'media'), { recursive: true })
}

const env = {
  ...process.env,
  NODE_ENV: 'production',
  VOICES_DATA_DIR: dataDir,
  VOICES_RUN_JOBS: 'false',
  NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${values.port}`,
}
if (values['without-transactions']) env.VOICES_SQLITE_TRANSACTIONS = 'off'
const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', values.port, '-H', '127.0.0.1'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
})
let log = ''
server.stdout.on('data', (chunk) => (log += chunk))
server.stderr.on('data', (chunk) => (log += chunk))

function stop(code) {
  server.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(code)
}

const deadline = Date.now() + 180_000
while (
  (await fetch(`${base}/api/stories?limit=1`).then(
    (r) => r.status,
    () => 0,
  )) !== 200
) {
  if (Date.now() > deadline || server.exitCode !== null) {
    console.error(log)
    stop(1)
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const login = await fetch(`${base}/api/users/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(admin),
})
const { token } = await login.json()
const headers = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
const { docs } = await (await fetch(`${base}/api/stories?limit=50&depth=0&where[_status][equals]=published`)).json()
// Stories an editor may republish without a new sign-off: nobody in them needs one.
const stories = []
for (const story of docs) {
  const check = await (await fetch(`${base}/api/stories/${story.id}/publish-check`, { headers })).json()
  if (check.ready) stories.push(story)
}
if (stories.length === 0) {
  console.error('No published story can be republished without a sign-off in this data.')
  stop(1)
}
const page = `/en/stories/${stories[0].slug}`
// Warm: the pages and queries are in the page cache before anything is measured.
for (const url of ['/en', page, '/api/stories?limit=6&depth=0']) await fetch(`${base}${url}`)

const reads = {
  'cached page': `${base}${page}`,
  'API list': `${base}/api/stories?limit=6&depth=0`,
}

async function measureReads() {
  const results = {}
  for (const [name, url] of Object.entries(reads)) {
    const run = await autocannon({ url, connections: 8, duration: seconds })
    results[name] = {
      requestsPerSecond: Math.round(run.requests.average),
      p50ms: run.latency.p50,
      p99ms: run.latency.p99,
      maxMs: run.latency.max,
      non2xx: run.non2xx,
      errors: run.errors,
    }
  }
  return results
}

/** Editors publishing edits in a loop until told to stop: how many, how long each, how many refused. */
function startWriters(count) {
  const stats = { writes: 0, failed: 0, statuses: {}, latencies: [] }
  let running = true
  const loops = Array.from({ length: count }, async (_, i) => {
    let n = 0
    while (running) {
      const story = stories[(i + n * count) % stories.length]
      n += 1
      const started = Date.now()
      const response = await fetch(`${base}/api/stories/${story.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ excerpt: `Edited ${i}-${n} at ${new Date().toISOString()}`, _status: 'published' }),
      }).catch(() => null)
      stats.latencies.push(Date.now() - started)
      const status = response?.status ?? 0
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1
      if (status === 200) stats.writes += 1
      else stats.failed += 1
      await response?.arrayBuffer().catch(() => undefined)
    }
  })
  return async () => {
    running = false
    await Promise.all(loops)
    const sorted = stats.latencies.sort((a, b) => a - b)
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null
    return { writes: stats.writes, failed: stats.failed, statuses: stats.statuses, p50ms: at(0.5), p99ms: at(0.99) }
  }
}

const quiet = await measureReads()
const stopWriters = startWriters(Number(values.writers))
const contended = await measureReads()
const writers = await stopWriters()
const integrity = await (async () => {
  const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
  try {
    return (await db.execute('PRAGMA integrity_check')).rows[0][0]
  } finally {
    db.close()
  }
})()

console.log(
  JSON.stringify(
    {
      transactions: !values['without-transactions'],
      seconds,
      writers: Number(values.writers),
      readConnections: 8,
      quiet,
      whileWriting: contended,
      writerResults: writers,
      integrity,
    },
    null,
    2,
  ),
)
stop(0)
