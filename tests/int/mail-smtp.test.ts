import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FakeSmtp, startFakeSmtp } from '../helpers/fakeSmtp'
import { parseEml } from '../helpers/outbox'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * Mail through a real SMTP conversation with a server that refuses for a while: the visitor's
 * request only queues the message, the job fails and is tried again later, and the message
 * arrives intact once the server accepts. A send that keeps failing stays in the queue with its
 * error: nothing is lost.
 */
let payload: Payload
let smtp: FakeSmtp

beforeAll(async () => {
  smtp = await startFakeSmtp()
  process.env.VOICES_SMTP_URL = smtp.url
  payload = await startPayload()
})

afterAll(async () => {
  await stopPayload(payload)
  await smtp.close()
  delete process.env.VOICES_SMTP_URL
})

async function mailJob(id: string | number) {
  return payload.findByID({ collection: 'payload-jobs', id, depth: 0, disableErrors: true })
}

describe('mail through SMTP', () => {
  it('is queued by sendEmail, and a refused send is retried until the server accepts it', async () => {
    smtp.refuse = true
    const job = (await payload.sendEmail({
      to: 'someone@example.org',
      subject: 'Retried message',
      text: 'Sent once the server is back.',
    })) as { id: string | number }
    // Queued, not sent: no conversation with the server has happened yet.
    expect(smtp.attempts).toBe(0)
    expect((await mailJob(job.id))?.taskSlug).toBe('sendEmail')

    await payload.jobs.run({ queue: 'mail', silent: true })
    const failed = await mailJob(job.id)
    expect(smtp.attempts).toBe(1)
    expect(smtp.received).toEqual([])
    expect(failed?.totalTried).toBe(1)
    expect(failed?.hasError).toBe(false)
    expect(failed?.completedAt ?? null).toBeNull()
    // Backing off: the next try is due later, not at once.
    expect(new Date(failed!.waitUntil!).getTime()).toBeGreaterThan(Date.now())
    await payload.jobs.run({ queue: 'mail', silent: true })
    expect(smtp.attempts).toBe(1)

    smtp.refuse = false
    await payload.jobs.runByID({ id: job.id, silent: true })
    expect(smtp.received).toHaveLength(1)
    const mail = parseEml('received', smtp.received[0]!)
    expect(mail.to).toBe('someone@example.org')
    expect(mail.subject).toBe('Retried message')
    expect(mail.text.trim()).toBe('Sent once the server is back.')
    expect(mail.headers.from).toContain('Voices')
    // Sent jobs are removed, and the message in them with it.
    expect(await mailJob(job.id)).toBeNull()
  })

  it('keeps a message the server never accepts in the queue, with its error', async () => {
    smtp.refuse = true
    const before = smtp.attempts
    const job = (await payload.sendEmail({ to: 'nobody@example.org', subject: 'Never accepted', text: '…' })) as {
      id: string | number
    }
    await payload.jobs.runByID({ id: job.id, silent: true })
    for (let retry = 1; retry <= 5; retry++) await payload.jobs.runByID({ id: job.id, silent: true })
    const failed = await mailJob(job.id)
    expect(smtp.attempts - before).toBe(6)
    expect(failed?.hasError).toBe(true)
    expect(JSON.stringify(failed?.error)).toMatch(/451|try again later/)
    expect((failed?.input as { message?: { subject?: string } }).message?.subject).toBe('Never accepted')
  })
})
