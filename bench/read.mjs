/**
 * How fast Voices serves its public pages, beside what the cache buys and what the machine allows.
 *
 *   node bench/read.mjs --data <seeded data folder> [--port 3241] [--seconds 15] [--connections 10,50]
 *
 * On a copy of the data folder, the production server (`npm start`, after `npm run build`) on
 * 127.0.0.1 is read with autocannon, one page at a time, at each number of connections: the home
 * page, the stories index, the latest story and a program. Then the same pages through the
 * production topology: the HTTP cache in front (deploy/nginx/voices.conf.template, Debian's nginx
 * on the next port) with Voices refreshing it. Then the same story with the page cache off
 * (`VOICES_PAGE_CACHE_MB=0`: rendered for every request), and the four pages' HTML, as Voices
 * served it, from a bare nginx: the limit a cached page could reach on this machine. nginx is
 * started and stopped here. Prints one JSON object; every run is bounded by `--seconds` per
 * measurement. PAYLOAD_SECRET must be the one the data folder was made with.
 */
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { frontConfig, nginxArgs } from './lib/front.mjs'
import { killTree, readOptions, round, sleep, statusOf, stopServer } from './lib/helpers.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

function fail(reason) {
  console.error(`read: ${reason}`)
  process.exit(1)
}

const values = readOptions('read', {
  options: {
    data: { type: 'string', default: 'data/e2e' },
    port: { type: 'string', default: '3241' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10,50' },
    nginx: { type: 'string', default: '/usr/sbin/nginx' },
  },
}).values
const port = Number(values.port)
const seconds = Number(values.seconds)
const connections = values.connections.split(',').map(Number)
if (!Number.isInteger(port) || port < 1024 || port > 65534) fail('--port must be a whole number from 1024 to 65534')
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) fail('--seconds must be a whole number from 1 to 120')
if (!connections.every((n) => Number.isInteger(n) && n >= 1 && n <= 500))
  fail('--connections must list whole numbers from 1 to 500, e.g. 10,50')
if (!process.env.PAYLOAD_SECRET) fail('Set PAYLOAD_SECRET to the secret the data folder was made with.')
const source = path.resolve(values.data, 'voices.db')
if (!fs.existsSync(source)) fail(`No database at ${source}: give --data a seeded data folder.`)
if (!fs.existsSync(values.nginx)) fail(`No nginx at ${values.nginx}: apt-get install nginx-light, or give --nginx.`)

const base = `http://127.0.0.1:${port}`
const frontBase = `http://127.0.0.1:${port + 1}`
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-read-'))
const children = new Set()
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) killTree(child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

/** A copy of the data folder, so nothing is written into the one given. */
async function copyData() {
  const dataDir = path.join(scratch, 'data')
  fs.mkdirSync(dataDir)
  const db = createClient({ url: `file:${source}` })
  await db.execute({ sql: 'VACUUM INTO ?', args: [path.join(dataDir, 'voices.db')] })
  db.close()
  const media = path.join(values.data, 'media')
  if (fs.existsSync(media)) fs.cpSync(media, path.join(dataDir, 'media'), { recursive: true })
  return dataDir
}

/** Something that must answer on the port before it counts as started; its own process group. */
async function start(command, args, env, ready) {
  const { origin } = new URL(ready)
  if ((await statusOf(`${origin}/`, 2_000)) !== 0) fail(`something already answers at ${origin}`)
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  children.add(child)
  let log = ''
  child.stdout.on('data', (chunk) => (log = (log + chunk).slice(-20_000)))
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-20_000)))
  const deadline = Date.now() + 180_000
  while ((await statusOf(ready)) !== 200) {
    if (child.exitCode !== null || child.signalCode !== null) fail(`${path.basename(command)} stopped:\n${log}`)
    if (Date.now() > deadline) fail(`${path.basename(command)} did not answer within 180 s:\n${log}`)
    await sleep(300)
  }
  return child
}

function startVoices(dataDir, extraEnv = {}) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    VOICES_DATA_DIR: dataDir,
    VOICES_RUN_JOBS: 'false',
    VOICES_PROXY_HOPS: '0',
    NEXT_PUBLIC_SERVER_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    ...extraEnv,
  }
  const args = [path.join(root, 'server/start.mjs'), '-p', String(port), '-H', '127.0.0.1']
  return start(process.execPath, args, env, `${base}/api/stories?limit=1`)
}

/** One autocannon run on one page, bounded by `--seconds`. */
async function measure(url, connectionCount) {
  const result = await autocannon({ url, connections: connectionCount, duration: seconds })
  return {
    connections: connectionCount,
    requestsPerSecond: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/** Asked twice first, so that the measured answers come from the cache when there is one. */
async function warm(paths, from = base) {
  for (const page of paths) {
    for (let i = 0; i < 2; i++) {
      const status = await statusOf(`${from}${page}`)
      if (status !== 200) fail(`${page} answered ${status}`)
    }
  }
}

async function firstSlug(collection, sort) {
  const response = await fetch(`${base}/api/${collection}?limit=1&depth=0&sort=${sort}&select[slug]=true`)
  const slug = (await response.json()).docs?.[0]?.slug
  if (!slug) fail(`the data folder has no published ${collection}`)
  return slug
}

function nginxConfig(htmlDir) {
  const temp = (name) => `${name}_temp_path ${path.join(scratch, `nginx-${name}`)};`
  return `worker_processes auto;
pid ${path.join(scratch, 'nginx.pid')};
error_log ${path.join(scratch, 'nginx-error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${htmlDir};
    location / { try_files $uri/index.html =404; }
  }
}
`
}

const began = Date.now()
const loadAtStart = os.loadavg()
console.error('read: copying the data folder')
const dataDir = await copyData()

console.error('read: Voices with its page cache')
let voices = await startVoices(dataDir)
const pages = {
  home: '/en',
  storiesIndex: '/en/stories',
  story: `/en/stories/${await firstSlug('stories', '-publishedAt')}`,
  program: `/en/programs/${await firstSlug('programs', '-updatedAt')}`,
}
await warm(Object.values(pages))
const cached = {}
for (const [name, page] of Object.entries(pages)) {
  cached[name] = { path: page, runs: [] }
  for (const n of connections) {
    console.error(`read: ${page} at ${n} connections`)
    cached[name].runs.push(await measure(`${base}${page}`, n))
  }
}
// The pages as Voices served them, for nginx.
const htmlDir = path.join(scratch, 'html')
for (const page of Object.values(pages)) {
  const file = path.join(htmlDir, page, 'index.html')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, await (await fetch(`${base}${page}`)).text())
}
await stopServer(voices)

console.error('read: through the HTTP cache in front')
const refreshKey = crypto.randomBytes(24).toString('hex')
voices = await startVoices(dataDir, { VOICES_HTTP_CACHE_URL: frontBase, VOICES_HTTP_CACHE_REFRESH_KEY: refreshKey })
// nginx's workers run as nobody: what they keep must be theirs to reach.
fs.chmodSync(scratch, 0o755)
const frontScratch = path.join(scratch, 'front')
fs.mkdirSync(frontScratch)
fs.chmodSync(frontScratch, 0o755)
const frontConfigFile = path.join(frontScratch, 'nginx.conf')
fs.writeFileSync(
  frontConfigFile,
  frontConfig({ scratch: frontScratch, listen: `127.0.0.1:${port + 1}`, upstream: `127.0.0.1:${port}`, refreshKey }),
)
const front = await start(values.nginx, nginxArgs(frontConfigFile, frontScratch), process.env, `${frontBase}/en`)
await warm(Object.values(pages), frontBase)
const throughFront = {}
for (const [name, page] of Object.entries(pages)) {
  throughFront[name] = { path: page, runs: [] }
  for (const n of connections) {
    console.error(`read: ${page} through the front at ${n} connections`)
    throughFront[name].runs.push(await measure(`${frontBase}${page}`, n))
  }
}
await stopServer(front)
await stopServer(voices)

console.error('read: Voices with its page cache off')
voices = await startVoices(dataDir, { VOICES_PAGE_CACHE_MB: '0' })
await warm([pages.story])
const uncachedStory = { path: pages.story, runs: [await measure(`${base}${pages.story}`, connections[0])] }
await stopServer(voices)

console.error('read: the same HTML from nginx')
// nginx's workers run as nobody: the saved pages must be theirs to read.
for (const dir of [scratch, htmlDir]) fs.chmodSync(dir, 0o755)
execFileSync('chmod', ['-R', 'a+rX', htmlDir])
const config = path.join(scratch, 'nginx.conf')
fs.writeFileSync(config, nginxConfig(htmlDir))
const nginx = await start(values.nginx, nginxArgs(config, scratch), process.env, `${base}${pages.story}`)
const fromNginx = {}
for (const [name, page] of Object.entries(pages)) {
  fromNginx[name] = { path: page, runs: [] }
  for (const n of connections) fromNginx[name].runs.push(await measure(`${base}${page}`, n))
}
await stopServer(nginx)

const ratio = (a, b) => (b ? round(a / b, 3) : null)
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
})()
const cachedStory = cached.story.runs[0].requestsPerSecond
const report = {
  date: new Date().toISOString(),
  commit,
  machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
  loadAverage: { atStart: loadAtStart.map((n) => round(n, 2)), atEnd: os.loadavg().map((n) => round(n, 2)) },
  secondsPerRun: seconds,
  cached,
  throughFront,
  uncachedStory,
  fromNginx,
  // What the cache buys on a story page, and how near Voices comes to serving saved HTML.
  cacheSpeedup: ratio(cachedStory, uncachedStory.runs[0].requestsPerSecond),
  voicesToNginx: Object.fromEntries(
    Object.keys(pages).map((name) => [
      name,
      cached[name].runs.map((run, i) => ratio(run.requestsPerSecond, fromNginx[name].runs[i].requestsPerSecond)),
    ]),
  ),
  frontToNginx: Object.fromEntries(
    Object.keys(pages).map((name) => [
      name,
      throughFront[name].runs.map((run, i) => ratio(run.requestsPerSecond, fromNginx[name].runs[i].requestsPerSecond)),
    ]),
  ),
  totalSeconds: round((Date.now() - began) / 1000, 1),
}
const errors = [...Object.values(cached), ...Object.values(throughFront), uncachedStory, ...Object.values(fromNginx)]
  .flatMap((page) => page.runs)
  .reduce((n, run) => n + run.non2xx + run.errors, 0)
console.log(JSON.stringify(report, null, 2))
if (errors > 0) fail(`${errors} answers were errors or not 2xx`)
