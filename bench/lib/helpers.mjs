/** Helpers the benchmarks share: process control, percentiles, rounding, data copies, the server and its pages. */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

export function percentiles(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) }
}

export function killTree(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the server's process group; SIGKILL if it has not gone within 15 s. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return 'had stopped by itself'
  const gone = new Promise((resolve) => child.once('exit', resolve))
  killTree(child.pid, 'SIGTERM')
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000))
  if ((await Promise.race([gone, timer])) !== 'timeout') return 'SIGTERM'
  killTree(child.pid, 'SIGKILL')
  await gone
  return 'SIGKILL after 15 s'
}

export async function statusOf(url, timeout = 30_000) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeout) })
    await response.arrayBuffer()
    return response.status
  } catch {
    return 0
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

export function round(n, digits) {
  return Math.round(n * 10 ** digits) / 10 ** digits
}

/** Resident memory of a process and all its descendants, in MB, from /proc. */
export function treeRssMB(rootPid) {
  const children = new Map()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may hold spaces and parentheses: the parent's ID is the second field after it.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(parent)) children.set(parent, [])
      children.get(parent).push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  let kB = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.shift()
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (match) kB += Number(match[1])
    } catch {
      // Gone meanwhile.
    }
    queue.push(...(children.get(pid) ?? []))
  }
  return round(kB / 1024, 1)
}

/** The command line's options, or a clear message and exit 1 for anything `bench/<script>.mjs` does not know. */
export function readOptions(script, spec) {
  try {
    return parseArgs(spec)
  } catch (error) {
    console.error(`${script}: ${error.message}. Usage: see the comment at the top of bench/${script}.mjs.`)
    process.exit(1)
  }
}

/**
 * A consistent copy of a seeded data folder in `into` (the database through `VACUUM INTO`, the
 * uploads as files), so that a benchmark never writes into the folder it was given.
 */
export async function copyDataFolder(source, into) {
  const { createClient } = await import('@libsql/client')
  fs.mkdirSync(into, { recursive: true })
  const db = createClient({ url: `file:${path.join(source, 'voices.db')}` })
  try {
    await db.execute({ sql: 'VACUUM INTO ?', args: [path.join(into, 'voices.db')] })
  } finally {
    db.close()
  }
  const media = path.join(source, 'media')
  if (fs.existsSync(media)) fs.cpSync(media, path.join(into, 'media'), { recursive: true })
  return into
}

/**
 * Voices' production server (`server/start.mjs` on the production build) on 127.0.0.1 in a process
 * group of its own, as an operator starts it, with the public origin set to that address so every
 * URL a page builds points back at it. Resolves once the API answers (`readyPath`, the story list
 * unless told otherwise); rejects with the server's last output if it stops or does not answer
 * within `timeoutMs`. Stop it with `stopServer`.
 */
export async function startVoices({
  root,
  port,
  dataDir,
  env = {},
  timeoutMs = 180_000,
  readyPath = '/api/stories?limit=1',
}) {
  const base = `http://127.0.0.1:${port}`
  if ((await statusOf(`${base}/`, 2_000)) !== 0) throw new Error(`something already answers on port ${port}`)
  const child = spawn(process.execPath, [path.join(root, 'server/start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VOICES_DATA_DIR: dataDir,
      VOICES_RUN_JOBS: 'false',
      VOICES_PROXY_HOPS: '0',
      NEXT_PUBLIC_SERVER_URL: base,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (log = (log + chunk).slice(-20_000)))
  const deadline = Date.now() + timeoutMs
  while ((await statusOf(`${base}${readyPath}`)) !== 200) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server stopped:\n${log}`)
    if (Date.now() > deadline) {
      await stopServer(child)
      throw new Error(`the server did not answer within ${timeoutMs / 1000} s:\n${log}`)
    }
    await sleep(300)
  }
  return { child, base, log: () => log }
}

/**
 * One address for each kind of public page (lib/site/publicRoutes.ts), in English, found through
 * the public API of a running Voices: the latest story, the first program, a tag that has stories
 * and a word from the latest story's title to search for. Paginated lists, the feed, the donation
 * redirect and the e-mail confirmation pages are left out: they are the index, not pages, or
 * reached only from an e-mail. `notFound` is the site's own 404, answered with status 404.
 */
export async function publicPages(base) {
  const first = async (query) => {
    const response = await fetch(`${base}/api/${query}`, { signal: AbortSignal.timeout(30_000) })
    if (!response.ok) throw new Error(`/api/${query} answered ${response.status}`)
    const doc = (await response.json()).docs?.[0]
    if (!doc) throw new Error(`the data folder has nothing for /api/${query}`)
    return doc
  }
  const story = await first(
    'stories?limit=1&depth=1&sort=-publishedAt&select[slug]=true&select[title]=true&select[tags]=true',
  )
  const program = await first('programs?limit=1&depth=0&sort=-updatedAt&select[slug]=true')
  const tag = story.tags?.find((t) => typeof t === 'object' && t?.slug) ?? (await first('tags?limit=1&depth=0'))
  const word = String(story.title ?? '')
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 4)
  return {
    home: { path: '/en', status: 200 },
    storiesIndex: { path: '/en/stories', status: 200 },
    story: { path: `/en/stories/${story.slug}`, status: 200 },
    programs: { path: '/en/programs', status: 200 },
    program: { path: `/en/programs/${program.slug}`, status: 200 },
    storiesByProgram: { path: `/en/stories/program/${program.slug}`, status: 200 },
    storiesByTag: { path: `/en/stories/tag/${tag.slug}`, status: 200 },
    getInvolved: { path: '/en/get-involved', status: 200 },
    search: { path: `/en/search?q=${encodeURIComponent(word ?? 'story')}`, status: 200 },
    notFound: { path: '/en/no-such-page', status: 404 },
  }
}

/** The names given in `--pages` (comma-separated), each a key of `known`, or an error naming those known. */
export function pickPages(known, list) {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !(name in known))
  if (names.length === 0 || unknown.length)
    throw new Error(`--pages takes a comma-separated list of ${Object.keys(known).join(', ')}`)
  return Object.fromEntries(names.map((name) => [name, known[name]]))
}

/** What a report says about where and when it was measured: the load average matters on a shared machine. */
export function runContext(root, loadAtStart) {
  let commit = null
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    // Not a git checkout.
  }
  return {
    date: new Date().toISOString(),
    commit,
    machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    loadAverage: { atStart: loadAtStart.map((n) => round(n, 2)), atEnd: os.loadavg().map((n) => round(n, 2)) },
  }
}
