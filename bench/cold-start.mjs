/**
 * Cold start, measured: from a fresh clone to the first page an operator's production server
 * serves.
 *
 *   node bench/cold-start.mjs [--port 3251] [--reuse-build]
 *
 * In a clone of the repository's committed state (git clone of HEAD into a scratch folder):
 * `npm install` (from npm's cache when it is warm, as on a machine that installed before),
 * `npm run build`, then the production server (`server/start.mjs`) on an empty data folder,
 * timed from its start until `/en` answers 200 (the first request runs the migrations). For each
 * step: wall time and the peak resident memory of its whole process tree, sampled every 250 ms.
 * `--reuse-build` skips the clone, the install and the build and times only the server's start on
 * this checkout's build (what `e2e/bench.spec.ts` runs). Prints one JSON object; exits 1 if a step
 * fails or the server serves nothing within 5 minutes.
 */
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { killTree, readOptions, round, sleep, statusOf, stopServer, treeRssMB } from './lib/helpers.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const values = readOptions('cold-start', {
  options: { port: { type: 'string', default: '3251' }, 'reuse-build': { type: 'boolean', default: false } },
}).values
const port = Number(values.port)
if (!Number.isInteger(port) || port < 1024 || port > 65535) fail('--port must be a whole number from 1024 to 65535')

function fail(reason) {
  console.error(`cold-start: ${reason}`)
  process.exit(1)
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-cold-start-'))
const children = new Set()
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) killTree(child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

/** A child in its own process group, its output kept (the end of it) for a failure's message. */
function launch(command, args, { cwd, env = process.env }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  child.log = ''
  const keep = (chunk) => (child.log = (child.log + chunk).slice(-20_000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return child
}

/** Runs a step to its end: its wall time and the peak memory of everything it started. */
async function step(name, command, args, options) {
  console.error(`cold-start: ${name}`)
  const began = performance.now()
  const child = launch(command, args, options)
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMB(child.pid))), 250)
  const { code, signal } = await child.exited
  clearInterval(sampler)
  if (code !== 0) fail(`${name} failed (${signal ?? `exit ${code}`}):\n${child.log}`)
  return { seconds: round((performance.now() - began) / 1000, 1), peakRssMB: peak }
}

const began = performance.now()
const loadAtStart = os.loadavg().map((n) => round(n, 2))
let checkout = root
let install = null
let build = null
if (!values['reuse-build']) {
  checkout = path.join(scratch, 'voices')
  execFileSync('git', ['clone', '--quiet', root, checkout])
  install = await step('npm install', 'npm', ['install', '--no-audit', '--no-fund'], { cwd: checkout })
  build = await step('npm run build', 'npm', ['run', 'build'], {
    cwd: checkout,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
}

console.error('cold-start: the production server on an empty data folder')
const base = `http://127.0.0.1:${port}`
if ((await statusOf(`${base}/`, 2_000)) !== 0) fail(`something already answers on port ${port}`)
const dataDir = path.join(scratch, 'data')
fs.mkdirSync(dataDir)
const startedAt = performance.now()
const server = launch(
  process.execPath,
  [path.join(checkout, 'server/start.mjs'), '-p', String(port), '-H', '127.0.0.1'],
  {
    cwd: checkout,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      VOICES_DATA_DIR: dataDir,
      VOICES_RUN_JOBS: 'false',
      VOICES_PROXY_HOPS: '0',
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      NEXT_PUBLIC_SERVER_URL: base,
    },
  },
)
let listeningMs = null
let firstPageMs = null
let peakRssMB = 0
while (firstPageMs === null) {
  if (server.exitCode !== null || server.signalCode !== null) fail(`the server stopped:\n${server.log}`)
  if (performance.now() - startedAt > 300_000) fail(`the server served no page within 5 minutes:\n${server.log}`)
  const status = await statusOf(`${base}/en`, 60_000)
  if (status !== 0 && listeningMs === null) listeningMs = performance.now() - startedAt
  if (status === 200) firstPageMs = performance.now() - startedAt
  peakRssMB = Math.max(peakRssMB, treeRssMB(server.pid))
  if (firstPageMs === null) await sleep(100)
}
await stopServer(server)

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((n) => round(n, 2)) },
      install,
      build,
      start: {
        secondsToListening: round(listeningMs / 1000, 2),
        secondsToFirstPage: round(firstPageMs / 1000, 2),
        peakRssMB,
      },
      // The operator's whole wait, from a clone to a page served.
      totalSeconds: round((performance.now() - began) / 1000, 1),
    },
    null,
    2,
  ),
)
