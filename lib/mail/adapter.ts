import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

import { outboxTransport, type OutboxInfo } from './outboxTransport'
import { mailQueue } from './retries'
import { mailFrom, smtpOptions } from './settings'

type Delivery = (message: SendEmailOptions) => Promise<unknown>
type QueuedMailAdapter = ReturnType<EmailAdapter> & { deliver: Delivery }

/**
 * Payload's e-mail adapter, built on `@payloadcms/email-nodemailer`: SMTP from the environment,
 * or the outbox folder without it. Every message, Payload's own (password resets) included, is
 * handed to the jobs queue (`sendEmail`) rather than sent during the request: a slow or absent
 * mail server never slows anyone down, and a failed send is retried (lib/mail/retries.ts).
 */
export async function mailAdapter(): Promise<EmailAdapter> {
  const smtp = smtpOptions()
  const from = mailFrom()
  const direct = await nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    transport: smtp ? nodemailer.createTransport(smtp) : nodemailer.createTransport(outboxTransport()),
    // Checking the connection at start would hold up the server's start on a slow mail server;
    // a bad setting shows in the first job's error instead.
    skipVerify: true,
  })
  return ({ payload }): QueuedMailAdapter => {
    const adapter = direct({ payload })
    return {
      name: 'voices-queued-nodemailer',
      defaultFromAddress: adapter.defaultFromAddress,
      defaultFromName: adapter.defaultFromName,
      sendEmail: async (message) => {
        // Plain JSON: the job's input is stored in the database until the message is sent.
        const input = { message: JSON.parse(JSON.stringify(message)) as Record<string, unknown> }
        return payload.jobs.queue({ task: 'sendEmail', queue: mailQueue, input })
      },
      deliver: async (message) => {
        const info = await adapter.sendEmail(message)
        const outboxFile = (info as Partial<OutboxInfo> | undefined)?.outboxFile
        if (outboxFile) {
          payload.logger.info({ msg: 'Mail: no SMTP server is configured; the message is in the outbox', outboxFile })
        }
        return info
      },
    }
  }
}

/** Sends a message now, from inside a mail job. Anything thrown fails the job, which is retried. */
export async function deliverEmail(payload: Payload, message: SendEmailOptions): Promise<unknown> {
  const { deliver } = payload.email as Partial<QueuedMailAdapter>
  if (!deliver) throw new Error('Mail: the configured e-mail adapter cannot deliver; use lib/mail/adapter.ts')
  return deliver(message)
}
