import { createClient } from '@libsql/client'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from './fixtures'
import { ownPort } from './servers'
import { e2eAdmin, e2eDataDir, e2ePayloadSecret } from './settings'

/**
 * The soak, short: `bench/soak.mjs` for 30 s, on its own production server and a copy of the
 * suite's data. Visitors read every public page while editors publish and a safeguarding officer
 * withdraws consents: no 5xx, no lost edit, every withdrawal taken down and staying down, every
 * edit live, the database whole afterwards (the script's exit code). How fast is the benchmark's
 * question (`npm run soak`, 100 readers, 5 minutes, BENCHMARKS.md), so times are reported here,
 * not judged, and 10 readers keep the run about what it proves rather than about the machine.
 */
type SoakResult = { requests: number; edits: { saved: number }; withdrawals: { count: number }; failures: string[] }

/** A consistent copy of the suite's database and uploads in a new data folder. */
async function copyOfSuiteData(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-soak-source-'))
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

test('the soak: 30 s of readers, editors and withdrawals without a 5xx, a lost edit or a takedown undone', async () => {
  // Booting and setting up on a busy machine, 30 s of load, and the checks after it. The script
  // bounds itself well within this (setup, duration and its own wind-down).
  test.setTimeout(600_000)
  const dataDir = await copyOfSuiteData()
  const soak = spawn(
    process.execPath,
    [
      'bench/soak.mjs',
      '--data',
      dataDir,
      '--port',
      String(ownPort(15)),
      '--seconds',
      '30',
      '--readers',
      '10',
      '--times-reported-only',
    ],
    {
      env: {
        ...process.env,
        PAYLOAD_SECRET: e2ePayloadSecret,
        VOICES_ADMIN_EMAIL: e2eAdmin.email,
        VOICES_ADMIN_PASSWORD: e2eAdmin.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  soak.stdout.on('data', (chunk) => (stdout += chunk))
  soak.stderr.on('data', (chunk) => (stderr += chunk))
  try {
    const code = await new Promise<number | null>((resolve) => soak.on('exit', (exitCode) => resolve(exitCode)))
    console.log(stdout)
    let result: SoakResult | null = null
    try {
      result = JSON.parse(stdout) as SoakResult
    } catch {
      // Reported below with what the script said.
    }
    expect(result, `the soak printed no result:\n${stderr}`).not.toBeNull()
    expect(code, `${result!.failures.join('\n')}\n${stderr}`).toBe(0)
    expect(result!.requests).toBeGreaterThan(0)
    expect(result!.withdrawals.count).toBeGreaterThanOrEqual(1)
    expect(result!.edits.saved).toBeGreaterThan(0)
  } finally {
    // The script stops its server and removes its copy on every way out, a signal included.
    if (soak.exitCode === null && soak.signalCode === null) {
      const gone = new Promise((resolve) => soak.once('exit', resolve))
      soak.kill('SIGTERM')
      await gone
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
