import { expect, test } from './fixtures'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startAndWaitForExit } from './servers'
import { e2ePayloadSecret } from './settings'

/**
 * A production server started on a brand-new SQLite file creates its tables from the committed
 * migrations. Without them it would answer "no such table".
 */
test('a production server starts on an empty database', async ({ request }) => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-empty-'))
  const port = 3101
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', VOICES_DATA_DIR: dataDir, PAYLOAD_SECRET: e2ePayloadSecret },
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

for (const [secret, why] of <Array<[string, string]>>[
  ['', 'is not set'],
  ['short-secret', 'is too short'],
  ['change-me-change-me-change-me-change-me', 'is an example value'],
  ['abababababababababababababababababab', 'repeats too few characters'],
]) {
  test(`production refuses to start when PAYLOAD_SECRET ${why}`, async () => {
    test.setTimeout(90_000)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-secret-'))
    try {
      const { code, log, answered } = await startAndWaitForExit(
        { VOICES_DATA_DIR: dataDir, PAYLOAD_SECRET: secret },
        3102,
      )
      expect(code, log).not.toBe(0)
      expect(code, log).not.toBeNull()
      expect(answered, 'served requests before stopping').toBe(false)
      expect(log).toContain(`Voices cannot start: PAYLOAD_SECRET ${why}`)
      // The secret itself never reaches the log.
      if (secret) expect(log).not.toContain(secret)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

test('due jobs run after a restart before anyone visits: a scheduled story goes live on time', async ({ request }) => {
  test.setTimeout(180_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-jobs-'))
  const port = 3104
  const base = `http://127.0.0.1:${port}`
  // Every second, so the test need not wait for a minute to turn.
  const env = { VOICES_DATA_DIR: dataDir, PAYLOAD_SECRET: e2ePayloadSecret, VOICES_JOBS_CRON: '* * * * * *' }
  const start = () =>
    spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_PUBLIC_SERVER_URL: base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  const stop = (server: ReturnType<typeof start>) =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve()
      server.on('exit', () => resolve())
      server.kill('SIGTERM')
    })
  let server = start()
  try {
    await expect
      .poll(
        () =>
          fetch(`${base}/api/stories`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 90_000 },
      )
      .toBe(200)
    const admin = { email: 'jobs-admin@example.org', password: 'a long password for the jobs test' }
    expect((await request.post(`${base}/api/users/first-register`, { data: { ...admin, role: 'admin' } })).ok()).toBe(
      true,
    )
    const { token } = (await (await request.post(`${base}/api/users/login`, { data: admin })).json()) as {
      token: string
    }
    const headers = { Authorization: `JWT ${token}` }
    const created = await request.post(`${base}/api/stories?draft=true`, {
      headers,
      data: { title: 'Published by the clock', slug: '', _status: 'draft' },
    })
    expect(created.ok(), await created.text()).toBe(true)
    const { doc } = (await created.json()) as { doc: { id: string } }
    const due = new Date(Date.now() + 20_000)
    const job = await request.post(`${base}/api/payload-jobs`, {
      headers,
      data: {
        taskSlug: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'stories', value: doc.id } },
        waitUntil: due.toISOString(),
      },
    })
    expect(job.ok(), await job.text()).toBe(true)
    await stop(server)

    // Restarted, and nobody visits: the job must run by itself once it is due.
    server = start()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now()) + 15_000))
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
    try {
      const { rows } = await db.execute({ sql: 'select _status from stories where id = ?', args: [doc.id] })
      expect(rows[0]?._status).toBe('published')
    } finally {
      db.close()
    }
  } finally {
    await stop(server)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
