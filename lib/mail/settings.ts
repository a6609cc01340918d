import type SMTPTransport from 'nodemailer/lib/smtp-transport'

import { serverUrl } from '@/lib/env'

/**
 * Mail settings from the environment. Without SMTP settings Voices writes every message to the
 * outbox folder instead (see outboxTransport.ts), so a fresh clone sends nothing anywhere and
 * loses nothing either.
 */

/** Generous enough for a slow server, short enough that a dead one fails the job, which is retried. */
const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }

/**
 * `VOICES_SMTP_URL` (e.g. `smtps://user:pass@smtp.example.org:465`) or `VOICES_SMTP_HOST` with
 * `VOICES_SMTP_PORT` (default 587; 465 means TLS from the start, other ports upgrade with
 * STARTTLS when the server offers it), `VOICES_SMTP_USER` and `VOICES_SMTP_PASS`. Null: none set.
 */
export function smtpOptions(): SMTPTransport.Options | null {
  const url = process.env.VOICES_SMTP_URL?.trim()
  if (url) return { url, ...timeouts }
  const host = process.env.VOICES_SMTP_HOST?.trim()
  if (!host) return null
  const port = Number.parseInt(process.env.VOICES_SMTP_PORT?.trim() || '587', 10)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`VOICES_SMTP_PORT must be a port number, got "${process.env.VOICES_SMTP_PORT}"`)
  }
  const user = process.env.VOICES_SMTP_USER?.trim()
  return {
    host,
    port,
    secure: port === 465,
    ...(user ? { auth: { user, pass: process.env.VOICES_SMTP_PASS ?? '' } } : {}),
    ...timeouts,
  }
}

/**
 * Who mail comes from: `VOICES_MAIL_FROM_ADDRESS` (default `no-reply@` the public host, or
 * `no-reply@localhost`) and `VOICES_MAIL_FROM_NAME` (default "Voices").
 */
export function mailFrom(): { address: string; name: string } {
  const configured = process.env.VOICES_MAIL_FROM_ADDRESS?.trim()
  let host = 'localhost'
  try {
    if (serverUrl()) host = new URL(serverUrl()).hostname
  } catch {
    // An unparseable server URL is reported where it is used; mail still needs an address.
  }
  return { address: configured || `no-reply@${host}`, name: process.env.VOICES_MAIL_FROM_NAME?.trim() || 'Voices' }
}
