import crypto from 'node:crypto'

import { payloadSecret } from '@/lib/env'

/**
 * The links in mail to subscribers are signed, not stored: an HMAC under a key derived from
 * PAYLOAD_SECRET over what the link does, the subscriber's ID and, for confirmation, when the
 * link was issued. Nothing secret sits in the database, every link sent stays checkable without
 * a lookup, and links cannot be forged or altered. Rotating PAYLOAD_SECRET retires them all.
 *
 *   confirm:      <id>.<issued, base 36 ms>.<mac>   valid 7 days from issue
 *   unsubscribe:  <id>.<mac>                        valid for as long as the subscriber exists
 */
export const confirmationValidityMs = 7 * 24 * 60 * 60 * 1000

const idPattern = /^[A-Za-z0-9-]{1,64}$/

function mac(...parts: string[]): string {
  const key = crypto.createHmac('sha256', payloadSecret()).update('voices:subscriber-links').digest()
  return crypto.createHmac('sha256', key).update(parts.join('\n')).digest('base64url').slice(0, 32)
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

export function confirmToken(id: string, issuedAt: Date = new Date()): string {
  const issued = issuedAt.getTime().toString(36)
  return `${id}.${issued}.${mac('confirm', id, issued)}`
}

export type ConfirmTokenData = { id: string; issuedAt: Date; expired: boolean }

/** What a confirmation token says, or null when it was not made by Voices (or was altered). */
export function readConfirmToken(token: unknown, now: Date = new Date()): ConfirmTokenData | null {
  if (typeof token !== 'string') return null
  const [id, issued, signature, ...rest] = token.split('.')
  if (rest.length || !id || !issued || !signature || !idPattern.test(id) || !/^[0-9a-z]{1,12}$/.test(issued))
    return null
  if (!same(signature, mac('confirm', id, issued))) return null
  const issuedAt = new Date(Number.parseInt(issued, 36))
  return { id, issuedAt, expired: now.getTime() - issuedAt.getTime() > confirmationValidityMs }
}

export function unsubscribeToken(id: string): string {
  return `${id}.${mac('unsubscribe', id)}`
}

/** The subscriber an unsubscribe token is for, or null when it was not made by Voices. */
export function readUnsubscribeToken(token: unknown): string | null {
  if (typeof token !== 'string') return null
  const [id, signature, ...rest] = token.split('.')
  if (rest.length || !id || !signature || !idPattern.test(id)) return null
  return same(signature, mac('unsubscribe', id)) ? id : null
}
