import type { Payload } from 'payload'

import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCli } from '../helpers/cli'
import { tokenFor, rest } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Any number of runners share one jobs queue and each job runs once: a real `npm run jobs` worker
 * (dist/jobs.mjs, its own process), two Payload instances on the same database file (each with its
 * own connections, as two processes have), the `/api/payload-jobs/run` endpoint and `runByID`,
 * all at once. Mail is the job that must never run twice, so every job here sends a message to an
 * SMTP server that records each one it accepts. A worker killed in the middle of sending leaves a
 * job that another runner sends once its lease has run out, and a send that outlasts its lease
 * stays with the runner that is still sending it.
 */
let payload: Payload
/** A second instance on the same database, as a second worker process would be. */
let other: Payload
let smtp: RecordingSmtp
let worker: ChildProcess | undefined
let workerOutput = ''

beforeAll(async () => {
  smtp = await startRecordingSmtp()
  process.env.VOICES_SMTP_URL = smtp.url
  buildCli()
  // The database first (in development Payload creates its tables on start), then the worker.
  payload = await startPayload()
  worker = spawn(process.execPath, ['--conditions=production', 'dist/jobs.mjs'], {
    cwd: process.cwd(),
    // Every second, so the worker takes part as soon as anything is due; its lease the default.
    env: { ...process.env, VOICES_JOBS_CRON: '* * * * * *', VOICES_JOBS_LEASE_SECONDS: '' },
  })
  worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()))
  worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()))
  const { default: config } = await import('@payload-config')
  other = await getPayload({ config, key: 'second-runner' })
  await until(
    () => workerOutput.includes('looking for due jobs'),
    90_000,
    () => workerOutput,
  )
}, 120_000)

afterAll(async () => {
  worker?.kill('SIGKILL')
  await other?.destroy()
  await stopPayload(payload)
  await smtp?.close()
  delete process.env.VOICES_SMTP_URL
  delete process.env.VOICES_JOBS_LEASE_SECONDS
})

/** Runs `work` from a timer of its own, as each cron tick and each request starts in its own context. */
function apart<T>(work: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setTimeout(() => work().then(resolve, reject), 0))
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, explain = () => '') {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${explain()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Holds back the first message with this subject only: a second try is answered at once. */
function firstTryOf(subject: string) {
  return (sent: string) => sent === subject && smtp.attempted.filter((tried) => tried.subject === subject).length === 1
}

/** Mail jobs not done yet (a done job is deleted, or at least has its completion time). */
const mailJobsLeft = async () =>
  (
    await payload.count({
      collection: 'payload-jobs',
      where: { queue: { equals: 'mail' }, completedAt: { exists: false } },
    })
  ).totalDocs

async function queueMail(subject: string) {
  return (await payload.sendEmail({ to: 'reader@example.org', subject, text: subject })) as { id: number | string }
}

describe('several runners on one queue', () => {
  it('run each of 50 queued messages exactly once, whoever takes them', async () => {
    const admin = await createStaff(payload, 'admin')
    const token = await tokenFor(payload, admin.email)
    const subjects = Array.from({ length: 50 }, (_, i) => `race ${i}`)
    const ids: Array<number | string> = []
    for (const subject of subjects) ids.push((await queueMail(subject)).id)

    // Each runner keeps going until the queue is empty (or a minute has passed), looking again
    // shortly when everything left is being run by others, as a cron tick would. A runner the
    // database asked to come back later (SQLITE_BUSY) simply does; whatever else one of them
    // throws is kept, and the messages are counted first.
    const failures: unknown[] = []
    const failed = (error: unknown) => {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') failures.push(error)
      return true
    }
    const deadline = Date.now() + 60_000
    const untilEmpty = (runOnce: () => Promise<boolean>) => async () => {
      while (Date.now() < deadline && (await mailJobsLeft().catch(() => 1)) > 0) {
        const tookSome = await runOnce().catch(failed)
        if (!tookSome) await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const run = (instance: Payload) => async () =>
      !(await instance.jobs.run({ queue: 'mail', limit: 4, silent: true })).noJobsRemaining
    await Promise.all([
      apart(untilEmpty(run(payload))),
      apart(untilEmpty(run(other))),
      apart(
        untilEmpty(async () => {
          const response = await rest('GET', '/api/payload-jobs/run?queue=mail&limit=4&silent=true', { token })
          if (!response.ok) throw new Error(`/api/payload-jobs/run answered ${response.status}`)
          return !((await response.json()) as { noJobsRemaining?: boolean }).noJobsRemaining
        }),
      ),
      // Someone running the jobs by hand, one by one, while the workers run them too.
      apart(async () => {
        for (const id of ids) await other.jobs.runByID({ id, silent: true }).catch(failed)
      }),
    ])

    const delivered = smtp.accepted.filter(({ subject }) => subject.startsWith('race ')).map(({ subject }) => subject)
    expect(delivered.filter((subject, at) => delivered.indexOf(subject) !== at)).toEqual([])
    expect(delivered.sort()).toEqual([...subjects].sort())
    expect(failures).toEqual([])
    expect(await mailJobsLeft()).toBe(0)
    // The worker process took part: it logs how many jobs each of its runs ran.
    expect(workerOutput).toMatch(/Voices jobs: ran \d+ job/)
  }, 90_000)

  it('send the message of a worker that died while sending it, once its lease has run out', async () => {
    const leaseSeconds = 3
    process.env.VOICES_JOBS_LEASE_SECONDS = String(leaseSeconds)
    smtp.stall = firstTryOf('died while sending')
    const job = await queueMail('died while sending')
    // The worker takes the job within a second and stops in the middle of the conversation.
    await until(() => smtp.attempted.some(({ subject }) => subject === 'died while sending'), 30_000)
    const exited = new Promise((resolve) => worker!.once('exit', resolve))
    worker!.kill('SIGKILL')
    await exited

    const taken = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    expect(taken.processing).toBe(true)
    expect(smtp.accepted.filter(({ subject }) => subject === 'died while sending')).toEqual([])

    await until(
      async () => {
        await payload.jobs.run({ queue: 'mail', silent: true })
        return smtp.accepted.some(({ subject }) => subject === 'died while sending')
      },
      30_000,
      () => JSON.stringify(smtp.attempted),
    )
    const tries = smtp.attempted.filter(({ subject }) => subject === 'died while sending')
    expect(tries).toHaveLength(2)
    // Taken again only once the dead worker's lease had run out.
    expect(tries[1]!.at - new Date(taken.updatedAt).getTime()).toBeGreaterThanOrEqual(leaseSeconds * 1000)
    expect(smtp.accepted.filter(({ subject }) => subject === 'died while sending')).toHaveLength(1)
    expect(await mailJobsLeft()).toBe(0)
  }, 60_000)

  it('leave a send that takes longer than its lease with the runner still sending it', async () => {
    const leaseMs = 3_000
    process.env.VOICES_JOBS_LEASE_SECONDS = String(leaseMs / 1000)
    smtp.stall = firstTryOf('slow server')
    await queueMail('slow server')
    const slowRun = apart(() => other.jobs.run({ queue: 'mail', silent: true }))
    await until(() => smtp.attempted.some(({ subject }) => subject === 'slow server'), 10_000)
    const started = Date.now()

    // The other runner keeps looking for due jobs for two leases while the first one still sends.
    let looked = 0
    await until(async () => {
      await payload.jobs.run({ queue: 'mail', silent: true })
      looked += 1
      return Date.now() - started > 2 * leaseMs
    }, 30_000)
    expect(looked).toBeGreaterThan(5)
    expect(smtp.attempted.filter(({ subject }) => subject === 'slow server')).toHaveLength(1)

    smtp.releaseStalled()
    await slowRun
    expect(smtp.accepted.filter(({ subject }) => subject === 'slow server')).toHaveLength(1)
    expect(await mailJobsLeft()).toBe(0)
  }, 60_000)
})

describe('several schedulers', () => {
  it('queue one job per scheduled run, however many look at the same moment', async () => {
    const scheduled = async () =>
      (
        await payload.find({
          collection: 'payload-jobs',
          where: { 'meta.scheduled': { equals: true } },
          limit: 0,
          depth: 0,
        })
      ).docs.map((job) => job.taskSlug)
    const schedulers = [payload, other, payload, other]
    const scheduledTasks = (payload.config.jobs.tasks ?? [])
      .filter((task) => task.schedule?.length)
      .map((task) => task.slug)
    expect(scheduledTasks.length).toBeGreaterThan(1)
    for (let round = 0; round < 3; round++) {
      await payload.delete({ collection: 'payload-jobs', where: { 'meta.scheduled': { equals: true } } })
      const together = countTogether([payload, other], schedulers.length)
      try {
        await Promise.all(schedulers.map((instance) => apart(() => instance.jobs.handleSchedules({ allQueues: true }))))
      } finally {
        together.restore()
      }
      expect(together.counted).toBe(scheduledTasks.length * schedulers.length)
      expect((await scheduled()).sort()).toEqual(scheduledTasks.sort())
    }
  })
})

/**
 * Schedulers in separate processes, ticking at the same second, each count the queued jobs before
 * any has queued its own. In one process SQLite answers at once and a scheduler runs from start to
 * end before the next begins, so here each count waits until every scheduler has counted too.
 */
function countTogether(instances: Payload[], schedulers: number) {
  const waiting: Array<() => void> = []
  const state = { counted: 0, restore: () => undefined as void }
  const restores = instances.map((instance) => {
    const count = instance.db.count
    instance.db.count = async function (this: typeof instance.db, args) {
      const result = await count.call(this, args)
      state.counted += 1
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        if (waiting.length < schedulers) return
        for (const release of waiting.splice(0)) release()
      })
      return result
    }
    return () => (instance.db.count = count)
  })
  state.restore = () => restores.forEach((restore) => restore())
  return state
}

type Message = { subject: string; at: number }
type RecordingSmtp = {
  url: string
  /** Every message a client sent whole (the end of its DATA), accepted or not. */
  attempted: Message[]
  /** The messages the server accepted: the client was told so, and its job can complete. */
  accepted: Message[]
  /** Messages whose acceptance is held back, leaving their sender waiting. */
  stall: (subject: string) => boolean
  releaseStalled(): void
  close(): Promise<void>
}

/**
 * Enough SMTP for nodemailer, recording who sent what. A stalled message is neither accepted nor
 * refused until released: its sender waits, as it would for a slow server. If the sender goes
 * away meanwhile, the message was never accepted, as with a real server.
 */
async function startRecordingSmtp(): Promise<RecordingSmtp> {
  const held: Array<() => void> = []
  const sockets = new Set<net.Socket>()
  const state = {
    attempted: [] as Message[],
    accepted: [] as Message[],
    stall: (_subject: string) => false,
  }
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.setEncoding('utf8')
    const reply = (line: string) => socket.destroyed || socket.write(`${line}\r\n`)
    let buffer = ''
    let inData = false
    reply('220 recording.smtp.test ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          const subject = /^Subject: (.*)$/m.exec(buffer.slice(0, end))?.[1]?.trim() ?? ''
          buffer = buffer.slice(end + 5)
          inData = false
          state.attempted.push({ subject, at: Date.now() })
          const accept = () => {
            if (socket.destroyed) return
            state.accepted.push({ subject, at: Date.now() })
            reply('250 2.0.0 queued')
          }
          if (state.stall(subject)) held.push(accept)
          else accept()
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline < 0) return
        const verb = buffer.slice(0, 4).toUpperCase()
        buffer = buffer.slice(newline + 2)
        if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
        } else reply('250 ok')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    releaseStalled: () => held.splice(0).forEach((accept) => accept()),
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}
