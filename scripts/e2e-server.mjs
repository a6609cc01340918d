/**
 * Production server for the e2e suite: builds Voices (unless E2E_SKIP_BUILD=1), starts
 * the production server (`npm start`) on a new, empty data folder, waits until it answers (the first request runs the
 * committed migrations), seeds the demo content beside the running server with the built seed
 * script, then prints the ready line Playwright waits for.
 *
 * The server's output and the seed's are kept whole in E2E_LOG_DIR (`server.log`, `seed.log`),
 * which the run checks for private values at its end (e2e/privateLogCheck.ts). Of the server's
 * JSON lines only warnings and errors are passed on to Playwright's output.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const port = process.env.E2E_PORT || '3100'
const dataDir = process.env.VOICES_DATA_DIR
if (!dataDir) throw new Error('VOICES_DATA_DIR must be set for the e2e server')
const logDir = process.env.E2E_LOG_DIR
if (!logDir) throw new Error('E2E_LOG_DIR must be set for the e2e server')
const bin = (name) => path.resolve('node_modules/.bin', name)
const env = { ...process.env, NODE_ENV: 'production' }

function run(command, args, { timeout, log } = {}) {
  // Output is collected and then printed: children never share Playwright's pipe directly.
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  })
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')
  if (log) fs.writeFileSync(path.join(logDir, log), `${result.stdout ?? ''}${result.stderr ?? ''}`)
  if (result.status !== 0) {
    console.error(`e2e server: \`${[command, ...args].join(' ')}\` failed (exit ${result.status})`)
    process.exit(1)
  }
  return result.stdout ?? ''
}

// A server left over on the port would answer instead of ours; refuse rather than test it.
const leftover = await fetch(`http://127.0.0.1:${port}/`).then(
  () => true,
  () => false,
)
if (leftover) {
  console.error(`e2e server: something is already listening on port ${port}; stop it or set E2E_PORT`)
  process.exit(1)
}

fs.rmSync(dataDir, { recursive: true, force: true })
fs.mkdirSync(dataDir, { recursive: true })
fs.rmSync(logDir, { recursive: true, force: true })
fs.mkdirSync(logDir, { recursive: true })

// The same build an operator runs (`npm run build`): the command-line scripts, then the site.
if (process.env.E2E_SKIP_BUILD !== '1') {
  run(process.execPath, ['scripts/build-cli.mjs'])
  run(bin('next'), ['build'])
}

const serverLog = fs.openSync(path.join(logDir, 'server.log'), 'a')
console.log(`e2e server: its log is ${path.join(logDir, 'server.log')}`)

/** A line Playwright's output shows: a warning or an error, or anything not a JSON log line. */
function worthShowing(line) {
  if (!line.trim()) return false
  try {
    return !['trace', 'debug', 'info'].includes(JSON.parse(line).level)
  } catch {
    return true
  }
}

/** Everything into the log as it comes; what is worth showing on to `out`, line by line. */
function keep(stream, out) {
  let partial = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    fs.writeSync(serverLog, chunk)
    const lines = `${partial}${chunk}`.split('\n')
    partial = lines.pop()
    for (const line of lines) if (worthShowing(line)) out.write(`${line}\n`)
  })
}

const server = spawn(process.execPath, ['server/start.mjs', '-p', port, '-H', '127.0.0.1'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env,
})
keep(server.stdout, process.stdout)
keep(server.stderr, process.stderr)
// Once its output is all in the log.
server.on('close', (code) => process.exit(code ?? 1))
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))

const deadline = Date.now() + 120_000
for (;;) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/stories?limit=1`)
    if (response.ok) break
    console.error(`e2e server: /api/stories answered ${response.status}: ${await response.text()}`)
  } catch {
    // not listening yet
  }
  if (Date.now() > deadline) {
    console.error('e2e server: the production server did not become ready within two minutes')
    server.kill('SIGTERM')
    process.exit(1)
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}

// Seeded the way a newcomer's first `npm run dev` seeds, with the built script on plain Node.
run(process.execPath, ['--conditions=production', 'dist/seed.mjs', '--if-empty'], { timeout: 120_000, log: 'seed.log' })

// The running server must see what the seed process wrote before any test starts.
const init = await (await fetch(`http://127.0.0.1:${port}/api/users/init`)).json()
const stories = await (await fetch(`http://127.0.0.1:${port}/api/stories?limit=1&depth=0`)).json()
if (!init.initialized || stories.totalDocs < 8) {
  console.error(
    `e2e server: the server does not see the seeded content (${JSON.stringify({ init, totalDocs: stories.totalDocs })})`,
  )
  server.kill('SIGTERM')
  process.exit(1)
}
console.log('VOICES E2E READY')
