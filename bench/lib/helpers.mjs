/** Helpers the benchmarks share: process control, percentiles, rounding. */
import fs from 'node:fs'
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
