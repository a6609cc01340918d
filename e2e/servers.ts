import { createClient } from '@libsql/client'
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ownServerLog } from './logs'
import { e2eDataDir, e2ePayloadSecret, e2ePort } from './settings'

/**
 * Production servers of a test's own, beside the suite's shared one: `npm start` as an operator
 * runs it, on a data folder the test chose. Ports follow the suite's (E2E_PORT + n), so several
 * checkouts testing at once do not meet.
 */
export const ownPort = (n: number) => e2ePort + n

export type RunAs = { uid: number; gid: number }

export type Server = {
  base: string
  process: ChildProcessWithoutNullStreams
  log: () => string
  /** Stops it as an operator would (SIGTERM) and waits until it has gone. */
  stop: () => Promise<void>
  /** Kills it outright (SIGKILL), as a crash or a pulled plug would, and waits until it has gone. */
  kill: () => Promise<void>
}

export function startServer(env: Record<string, string>, port: number, runAs?: RunAs): Server {
  const child = spawn(process.execPath, [path.resolve('server/start.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: e2ePayloadSecret,
      // As an operator sets it: the address the server is reached at.
      NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...runAs,
  })
  let log = ''
  // Also kept where the run's log check reads it (e2e/privateLogCheck.ts).
  const logFile = ownServerLog(port)
  const keep = (chunk: Buffer) => {
    log += chunk
    fs.appendFileSync(logFile, chunk)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const ended = () => child.exitCode !== null || child.signalCode !== null
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (ended()) return resolve()
      child.once('exit', () => resolve())
      child.kill(signal)
    })
  return {
    base: `http://127.0.0.1:${port}`,
    process: child,
    log: () => log,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  }
}

/** Waits until the server answers the API (its start ran the migrations and booted Payload). */
export async function untilServing(server: Server, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`the server stopped while starting:\n${server.log()}`)
    const status = await fetch(`${server.base}/api/stories?limit=1`).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) return
    if (Date.now() > deadline) throw new Error(`the server did not start in ${timeout} ms:\n${server.log()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Starts the production server as an operator would and waits for it to end by itself. */
export function startAndWaitForExit(env: Record<string, string>, port: number, runAs?: RunAs) {
  const server = startServer(env, port, runAs)
  return new Promise<{ code: number | null; log: string; answered: boolean }>((resolve) => {
    let answered = false
    const probe = setInterval(() => {
      fetch(`${server.base}/api/stories`)
        .then((response) => (answered ||= response.ok))
        .catch(() => undefined)
    }, 250)
    const deadline = setTimeout(() => server.process.kill('SIGKILL'), 60_000)
    server.process.on('exit', (code) => {
      clearInterval(probe)
      clearTimeout(deadline)
      resolve({ code, log: server.log(), answered })
    })
  })
}

/** A new folder anyone may write in (a drill may run its server as `nobody`). */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `voices-drill-${name}-`))
  fs.chmodSync(dir, 0o777)
  return dir
}

/** A consistent copy of the suite's database (and, if asked, its uploads) in a new data folder. */
export async function copyOfSuiteData(name: string, withMedia = true): Promise<string> {
  const dir = tempDir(name)
  const live = createClient({ url: `file:${path.join(e2eDataDir, 'voices.db')}` })
  try {
    await live.execute({ sql: 'VACUUM INTO ?', args: [path.join(dir, 'voices.db')] })
  } finally {
    live.close()
  }
  if (withMedia && fs.existsSync(path.join(e2eDataDir, 'media'))) {
    fs.cpSync(path.join(e2eDataDir, 'media'), path.join(dir, 'media'), { recursive: true })
  }
  return dir
}
