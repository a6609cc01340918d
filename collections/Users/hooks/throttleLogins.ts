import type { CollectionAfterLoginHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import { clientKey } from '@/lib/abuse/clientKey'
import { createRateLimiter } from '@/lib/abuse/rateLimit'
import { payloadSecret } from '@/lib/env'
import { Refusal } from '@/lib/refusals/refusal'

/**
 * Failed logins are slowed by who tries and what they try, never by locking an account: a lock
 * on the account (Payload's `maxLoginAttempts`) would let anyone shut a colleague out by typing
 * her e-mail ten times, and its distinct message told which e-mails have accounts at all. Here
 * every e-mail, with an account or without, is counted and refused alike:
 *
 * - one address trying one e-mail: 10 tries per 15 minutes;
 * - one address trying any e-mails: 30 per 15 minutes;
 * - one e-mail from anywhere: 100 per hour, against guessing from many addresses.
 *
 * Every attempt is counted as it starts and a successful one is handed back (and clears the first
 * count), so only failures add up: staff signing in all day are never slowed. Counts live in this
 * process's memory, under keyed hashes of the address and the e-mail, never the values themselves.
 */
export const loginLimits = {
  emailFromClient: createRateLimiter({ limit: 10, windowMs: 15 * 60_000 }),
  client: createRateLimiter({ limit: 30, windowMs: 15 * 60_000 }),
  email: createRateLimiter({ limit: 100, windowMs: 60 * 60_000 }),
}

function emailKey(email: string): string {
  return crypto
    .createHmac('sha256', payloadSecret())
    .update(`voices:login:${email.trim().toLowerCase()}`)
    .digest('base64url')
    .slice(0, 22)
}

/** The keys one attempt is counted under: keyed hashes, never the address or e-mail. */
export function loginKeys(headers: Headers, email: string) {
  const client = clientKey(headers, 'login')
  const emailHash = emailKey(email)
  return { emailFromClient: `${emailHash}:${client}`, client, email: emailHash }
}

/** Only logins that arrive over HTTP are counted; Voices' own scripts log in through the local API. */
const overHttp = (req: PayloadRequest) => req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

export const throttleLogins: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login' || !overHttp(req)) return args
  const email = typeof args.data?.email === 'string' ? args.data.email : ''
  const keys = loginKeys(req.headers, email)
  for (const name of ['emailFromClient', 'client', 'email'] as const) {
    const result = loginLimits[name].take(keys[name])
    if (!result.ok) {
      throw new Refusal(req, 'tooManyLogins', 429, { minutes: String(Math.ceil(result.retryAfterSeconds / 60)) })
    }
  }
  return args
}

export const forgetLoginAttempts: CollectionAfterLoginHook = ({ req, user }) => {
  if (!overHttp(req) || typeof user?.email !== 'string') return
  const keys = loginKeys(req.headers, user.email)
  loginLimits.emailFromClient.forget(keys.emailFromClient)
  loginLimits.client.refund(keys.client)
  loginLimits.email.refund(keys.email)
}
