/**
 * Every benchmark, one after another, and each figure beside its budget: `npm run bench`.
 *
 *   node bench/all.mjs [--data <seeded data folder>] [--scale] [--quick] [--only read,weight,…]
 *
 * Without `--data`, a data folder is seeded first the way an operator seeds one (the built seed
 * script on plain Node, in production mode, with a new secret), so that a fresh clone needs only
 * `npm install` and `npm run build` before this. Then, each on its own production server and a
 * copy of the data folder: read (bench/read.mjs: Voices, Voices behind the HTTP cache in front,
 * and bare nginx), page weight (weight.mjs), Lighthouse (lighthouse.mjs), publish-to-live and
 * takedown, straight and through the front (publish.mjs), cold start from a fresh clone
 * (cold-start.mjs: install, build, first page), and the README's first run (first-run.mjs). With
 * `--scale`, also the 10,000-story run (scale.mjs). `--quick` runs each small (seconds instead
 * of minutes; cold start reuses this checkout's build), for trying the suite out.
 *
 * Each script's own JSON is kept whole; the summary holds the figures the performance issue sets
 * budgets for. Prints one JSON object (`{ summary, results, failed }`) and the summary as a
 * Markdown table on stderr. Exits 1 if any script failed; a missed budget is reported, not a
 * failure.
 */
import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { killTree, readOptions, round } from './lib/helpers.mjs'
import { summaries } from './lib/budgets.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const values = readOptions('all', {
  options: {
    data: { type: 'string' },
    scale: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
}).values

function fail(reason) {
  console.error(`bench: ${reason}`)
  process.exit(1)
}

const quick = values.quick
/** Each step: its script and arguments (the data folder is added to those that take one). */
const steps = [
  { name: 'read', script: 'read.mjs', data: true, args: ['--port', '3241', '--seconds', quick ? '2' : '15'] },
  { name: 'weight', script: 'weight.mjs', data: true, args: ['--port', '3243'] },
  { name: 'lighthouse', script: 'lighthouse.mjs', data: true, args: ['--port', '3244', '--runs', quick ? '1' : '3'] },
  {
    name: 'publish',
    script: 'publish.mjs',
    data: true,
    args: ['--port', '3245', ...(quick ? ['--runs', '3', '--withdrawals', '1'] : [])],
  },
  {
    name: 'publishThroughFront',
    script: 'publish.mjs',
    data: true,
    args: ['--port', '3247', '--front', ...(quick ? ['--runs', '3', '--withdrawals', '1'] : [])],
  },
  {
    name: 'coldStart',
    script: 'cold-start.mjs',
    data: false,
    args: ['--port', '3249', ...(quick ? ['--reuse-build'] : [])],
  },
  { name: 'firstRun', script: 'first-run.mjs', data: false, args: ['--port', '3250'] },
  {
    name: 'scale',
    script: 'scale.mjs',
    data: true,
    args: [
      '--port',
      '3251',
      ...(quick ? ['--stories', '300', '--programs', '5', '--leaders', '20', '--participants', '100'] : []),
    ],
    only: 'scale',
  },
]
const chosen = values.only?.split(',').map((s) => s.trim())
const unknown = chosen?.filter((name) => !steps.some((step) => step.name === name)) ?? []
if (unknown.length)
  fail(`--only names no benchmark ${unknown.join(', ')}; they are ${steps.map((s) => s.name).join(', ')}`)
const run = steps.filter((step) => (chosen ? chosen.includes(step.name) : step.only !== 'scale' || values.scale))

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-bench-'))
const children = new Set()
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) killTree(child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

/** A child in its own process group; what it prints on stdout is its result, stderr is shown as it goes. */
function runScript(script, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', script), ...args], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.add(child)
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.on('exit', (code, signal) => {
      children.delete(child)
      let result = null
      try {
        result = JSON.parse(stdout)
      } catch {
        // Reported as a failure below with what it printed.
      }
      resolve({ code, signal, result, stdout })
    })
  })
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
let dataDir = values.data ? path.resolve(values.data) : null
if (run.some((step) => step.data) && !dataDir) {
  // Seeded as an operator seeds: production mode, the built seed script, a secret of its own.
  if (!fs.existsSync(path.join(root, 'dist/seed.mjs')))
    fail('run `npm run build` first (it builds the seed script too)')
  dataDir = path.join(scratch, 'seeded')
  fs.mkdirSync(dataDir)
  env.PAYLOAD_SECRET = crypto.randomBytes(32).toString('hex')
  env.VOICES_ADMIN_EMAIL = 'bench-admin@example.org'
  env.VOICES_ADMIN_PASSWORD = crypto.randomBytes(18).toString('base64url')
  console.error('bench: seeding a data folder')
  execFileSync(process.execPath, ['--conditions=production', path.join(root, 'dist/seed.mjs')], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production', VOICES_DATA_DIR: dataDir, NEXT_PUBLIC_SERVER_URL: 'http://127.0.0.1:3000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
} else if (dataDir && !env.PAYLOAD_SECRET) {
  fail('Set PAYLOAD_SECRET (and VOICES_ADMIN_EMAIL, VOICES_ADMIN_PASSWORD) to those the data folder was made with.')
}

const began = Date.now()
const results = {}
const failed = []
for (const step of run) {
  console.error(`\nbench: ${step.name}`)
  const args = step.data ? ['--data', dataDir, ...step.args] : step.args
  const outcome = await runScript(step.script, args, env)
  results[step.name] = outcome.result
  if (outcome.code !== 0 || outcome.result === null) {
    failed.push({ step: step.name, exit: outcome.signal ?? outcome.code, printed: outcome.stdout.slice(-2000) })
  }
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
const summary = summaries(results)
const table = [
  '| benchmark | figure | measured | budget | met |',
  '| --- | --- | --- | --- | --- |',
  ...summary.map(
    (row) =>
      `| ${row.bench} | ${row.figure} | ${row.measured} | ${row.budget ?? ''} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |`,
  ),
].join('\n')
console.error(`\nbench: ${commit}, ${os.cpus().length} cores, Node ${process.version}\n\n${table}\n`)
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
      totalSeconds: round((Date.now() - began) / 1000, 1),
      summary,
      failed,
      results,
    },
    null,
    2,
  ),
)
if (failed.length) fail(`${failed.map((f) => f.step).join(', ')} failed`)
