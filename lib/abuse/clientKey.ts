import crypto from 'node:crypto'

import { payloadSecret } from '@/lib/env'

import { addressInChain } from './forwardedFor.mjs'
import { proxyHops } from './proxyHops'

/**
 * Which address a request came from, as far as Voices can tell. Next.js fills `x-forwarded-for`
 * with the socket's address only when the header is absent, and a reverse proxy appends the
 * address it saw, so the right-most entry is the one a trusted hop vouches for.
 * `VOICES_PROXY_HOPS` counts the proxies in front of Voices that append (nginx's
 * `$proxy_add_x_forwarded_for`), default 1: the right-most entry. Without a proxy in front a
 * client can put any address in the header, which is why production runs behind one.
 */
export function clientAddress(headers: Headers): string {
  return (
    addressInChain(headers.get('x-forwarded-for'), Math.max(1, proxyHops())) ??
    headers.get('x-real-ip')?.trim() ??
    'unknown'
  )
}

/** The UTC day a key belongs to: keys from different days cannot be linked. */
function today(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/**
 * A keyed hash that stands for one client for one day, for rate limits and de-duplication. The
 * address itself is never kept: the key is an HMAC under a secret derived from the Payload
 * secret and the day, so yesterday's keys cannot be recomputed from an address once the day has
 * passed without the secret, and no two days' keys match.
 */
export function clientKey(headers: Headers, purpose: string, now = new Date()): string {
  const dayKey = crypto
    .createHmac('sha256', payloadSecret())
    .update(`voices:client-key:${today(now)}`)
    .digest()
  return crypto
    .createHmac('sha256', dayKey)
    .update(`${purpose}\n${clientAddress(headers)}`)
    .digest('base64url')
    .slice(0, 22)
}
