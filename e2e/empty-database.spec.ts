import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A production server started on a brand-new SQLite file creates its tables from the committed
 * migrations. Without them it would answer "no such table".
 */
test('a production server starts on an empty database', async ({ request }) => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-empty-'))
  const port = 3101
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', VOICES_DATA_DIR: dataDir, PAYLOAD_SECRET: 'empty-db-test-secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  server.stdout.on('data', (chunk) => (log += chunk))
  server.stderr.on('data', (chunk) => (log += chunk))
  try {
    let stories: Response | undefined
    await expect
      .poll(
        async () => {
          stories = await fetch(`http://127.0.0.1:${port}/api/stories`).catch(() => undefined)
          return stories?.status
        },
        { timeout: 90_000 },
      )
      .toBe(200)
    expect(await stories!.json()).toMatchObject({ docs: [], totalDocs: 0 })
    expect((await request.get(`http://127.0.0.1:${port}/admin`)).status()).toBe(200)
    expect(log).not.toMatch(/no such table/i)
    expect(log).toMatch(/Migrated/)
    expect(fs.existsSync(path.join(dataDir, 'voices.db'))).toBe(true)
  } finally {
    server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
