import { createClient } from '@libsql/client'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { e2eAdmin, e2eDataDir, e2ePayloadSecret } from './settings'

/** A consistent copy of the suite's database and uploads in a new data folder. */
export async function copyOfSuiteData(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-bench-source-'))
  const live = createClient({ url: `file:${path.join(e2eDataDir, 'voices.db')}` })
  try {
    await live.execute({ sql: 'VACUUM INTO ?', args: [path.join(dir, 'voices.db')] })
  } finally {
    live.close()
  }
  if (fs.existsSync(path.join(e2eDataDir, 'media'))) {
    fs.cpSync(path.join(e2eDataDir, 'media'), path.join(dir, 'media'), { recursive: true })
  }
  return dir
}

/**
 * Runs one of the bench/ scripts on a copy of the suite's data, as an operator would, and hands
 * back its exit code, what it printed and the JSON it printed (null if none parsed). The script
 * stops its servers and removes its copies on every way out, a signal included.
 */
export async function runBenchScript<Result>(script: string, args: string[]) {
  const dataDir = await copyOfSuiteData()
  const child = spawn(process.execPath, [script, '--data', dataDir, ...args], {
    env: {
      ...process.env,
      PAYLOAD_SECRET: e2ePayloadSecret,
      VOICES_ADMIN_EMAIL: e2eAdmin.email,
      VOICES_ADMIN_PASSWORD: e2eAdmin.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  try {
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
    let result: Result | null = null
    try {
      result = JSON.parse(stdout) as Result
    } catch {
      // The caller reports it with what the script said.
    }
    return { code, stdout, stderr, result }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
