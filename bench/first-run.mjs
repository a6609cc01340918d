/**
 * The README's first run, measured: `npm run dev` on an empty data folder (no secret, no
 * database URL, nothing configured), timed until the seeded home page is served. Budget: two
 * minutes on a 2-core machine (BENCHMARKS.md). Prints one JSON line and exits 0 when the site
 * was served, 1 otherwise; tests/int/first-run.test.ts runs it.
 *
 *   node bench/first-run.mjs [--port 3190] [--timeout 300]
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3190' }, timeout: { type: 'string', default: '300' } },
})
const port = Number(values.port)
const timeoutMs = Number(values.timeout) * 1000
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-first-run-'))
const started = Date.now()
const elapsed = () => Date.now() - started

const env = { ...process.env, VOICES_DATA_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' }
// A newcomer has none of these set.
for (const name of ['NODE_ENV', 'PAYLOAD_SECRET', 'DATABASE_URI', 'NEXT_PUBLIC_SERVER_URL', 'VOICES_ADMIN_PASSWORD'])
  delete env[name]

const child = spawn('npm', ['run', 'dev'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
let output = ''
let seededMs = null
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk
    if (seededMs === null && /Voices: seeded/.test(output)) seededMs = elapsed()
  })
}
let exited = null
child.on('exit', (code, signal) => (exited = { code, signal }))

function stop() {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

let servedMs = null
let lastStatus = null
while (elapsed() < timeoutMs && exited === null) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/en`, { signal: AbortSignal.timeout(60_000) })
    lastStatus = response.status
    const html = await response.text()
    // Served and seeded: the home page links to the demo stories.
    if (response.status === 200 && html.includes('href="/en/stories/')) {
      servedMs = elapsed()
      break
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
}
stop()
await new Promise((resolve) => setTimeout(resolve, 1000))
try {
  process.kill(-child.pid, 'SIGKILL')
} catch {
  // stopped
}
fs.rmSync(dataDir, { recursive: true, force: true })

const result = { served: servedMs !== null, seededMs, servedMs, lastStatus, exited }
console.log(JSON.stringify(result))
if (!result.served) {
  console.error(output.slice(-4000))
  process.exit(1)
}
