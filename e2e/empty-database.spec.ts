import { expect, test } from './fixtures'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { richText } from '../seed/richText'
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
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VOICES_DATA_DIR: dataDir,
      PAYLOAD_SECRET: e2ePayloadSecret,
      NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
    },
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
  let log = ''
  const start = () => {
    const started = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_PUBLIC_SERVER_URL: base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    started.stdout.on('data', (chunk) => (log += chunk))
    started.stderr.on('data', (chunk) => (log += chunk))
    return started
  }
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
    // The first account of a new instance is an admin, or nobody could manage it.
    expect((await request.post(`${base}/api/users/first-register`, { data: admin })).ok()).toBe(true)
    const { token } = (await (await request.post(`${base}/api/users/login`, { data: admin })).json()) as {
      token: string
    }
    const headers = { Authorization: `JWT ${token}` }
    const me = (await (await request.get(`${base}/api/users/me`, { headers })).json()) as {
      user: { id: string; role: string }
    }
    expect(me.user.role).toBe('admin')
    const created = await request.post(`${base}/api/stories?draft=true`, {
      headers,
      data: { title: 'Published by the clock', slug: '', body: richText('Told on time.'), _status: 'draft' },
    })
    expect(created.ok(), await created.text()).toBe(true)
    const { doc } = (await created.json()) as { doc: { id: string } }
    await stop(server)

    // The admin's "Schedule publish" queues exactly this job; it is written while the server is
    // down, as a job queued just before a restart would be.
    const due = new Date(Date.now() + 5_000)
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url: `file:${path.join(dataDir, 'voices.db')}` })
    await db.execute({
      sql: `insert into payload_jobs (id, input, task_slug, queue, wait_until) values (?, ?, 'schedulePublish', 'default', ?)`,
      args: [
        crypto.randomUUID(),
        JSON.stringify({
          type: 'publish',
          doc: { relationTo: 'stories', value: doc.id },
          user: { relationTo: 'users', value: me.user.id },
        }),
        due.toISOString(),
      ],
    })

    // Restarted, and nobody visits: the job must run by itself once it is due.
    log = ''
    server = start()
    try {
      await expect
        .poll(
          async () =>
            (await db.execute({ sql: 'select _status from stories where id = ?', args: [doc.id] })).rows[0]?._status,
          { timeout: 60_000, intervals: [1_000] },
        )
        .toBe('published')
    } catch (error) {
      const jobs = await db.execute(
        'select task_slug, processing, has_error, error, total_tried, completed_at from payload_jobs',
      )
      throw new Error(
        `${(error as Error).message}\njobs: ${JSON.stringify(jobs.rows)}\nserver log after the restart:\n${log}`,
      )
    } finally {
      db.close()
    }
  } finally {
    await stop(server)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
