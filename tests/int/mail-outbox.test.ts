import type { Payload } from 'payload'

import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { outboxDir } from '@/lib/mail/outboxTransport'
import { siteOrigin } from '@/lib/site/origin'

import { rest } from '../helpers/http'
import { linkIn, mailTo } from '../helpers/outbox'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Without SMTP settings every message goes to `<VOICES_DATA_DIR>/outbox/`, one `.eml` file each,
 * with a log line; nothing fails. Payload's own mail takes the same road: a staff member who
 * forgot her password gets a working reset link.
 */
let payload: Payload

beforeAll(async () => {
  delete process.env.VOICES_SMTP_URL
  delete process.env.VOICES_SMTP_HOST
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const runMail = () => payload.jobs.run({ queue: 'mail', silent: true })

describe('the outbox', () => {
  it('receives each message as its own .eml file once the mail job runs, with a log line', async () => {
    const lines: unknown[] = []
    const info = payload.logger.info.bind(payload.logger)
    payload.logger.info = ((entry: unknown, ...rest: unknown[]) => {
      lines.push(entry)
      return info(entry as never, ...(rest as []))
    }) as typeof payload.logger.info
    try {
      await payload.sendEmail({ to: 'outbox-one@example.org', subject: 'Первое письмо', text: 'Привет, мир.' })
      await payload.sendEmail({ to: 'outbox-two@example.org', subject: 'Second', text: 'Hello.' })
      expect(mailTo(outboxDir(), 'outbox-one@example.org')).toEqual([])
      await runMail()
    } finally {
      payload.logger.info = info
    }
    const [first] = mailTo(outboxDir(), 'outbox-one@example.org')
    expect(first?.subject).toBe('Первое письмо')
    expect(first?.text.trim()).toBe('Привет, мир.')
    expect(mailTo(outboxDir(), 'outbox-two@example.org')).toHaveLength(1)
    expect(fs.readdirSync(outboxDir()).filter((name) => name.endsWith('.eml')).length).toBeGreaterThanOrEqual(2)
    const logged = lines.filter((line) => JSON.stringify(line).includes('outbox'))
    expect(logged).toHaveLength(2)
    // The log says where the message is, not whom it is for.
    expect(JSON.stringify(logged)).not.toContain('outbox-one@example.org')
  })
})

describe('forgot password', () => {
  it('sends a reset link that works: reset with its token, then log in with the new password', async () => {
    const staff = await createStaff(payload, 'editor')
    const asked = await rest('POST', '/api/users/forgot-password', { body: { email: staff.email } })
    expect(asked.status, await asked.clone().text()).toBe(200)
    await runMail()

    const [mail] = mailTo(outboxDir(), staff.email)
    expect(mail, 'a reset mail in the outbox').toBeDefined()
    const link = linkIn({ ...mail!, text: mail!.html }, siteOrigin())
    expect(link).toMatch(/\/admin\/reset\/[\w-]+$/)
    const token = link!.split('/').pop()!

    const newPassword = 'a brand new passphrase for the test'
    const reset = await rest('POST', '/api/users/reset-password', { body: { token, password: newPassword } })
    expect(reset.status, await reset.clone().text()).toBe(200)

    const login = await rest('POST', '/api/users/login', { body: { email: staff.email, password: newPassword } })
    expect(login.status).toBe(200)
    expect((await login.json()).user.email).toBe(staff.email)
    const old = await rest('POST', '/api/users/login', {
      body: { email: staff.email, password: 'correct horse battery staple' },
    })
    expect(old.status).toBe(401)
  })
})
