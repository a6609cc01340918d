import crypto from 'node:crypto'

import { payloadSecret } from '@/lib/env'

/**
 * The shared secret a jobs worker (or the server's own job runner) shows the revalidation route.
 * Derived from the Payload secret so that no extra setting is needed.
 */
export function revalidationToken(): string {
  return crypto.createHmac('sha256', payloadSecret()).update('voices:revalidate-public-site').digest('hex')
}

export function isRevalidationToken(candidate: string | null): boolean {
  if (!candidate) return false
  const expected = Buffer.from(revalidationToken())
  const given = Buffer.from(candidate)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/**
 * Where the site's server listens, for writes made outside a request to it: scheduled publishing
 * and the consent job. `VOICES_INTERNAL_URL` points a separate jobs worker at the web server;
 * inside the server Next.js sets PORT. Tests, which have no server, get null.
 */
export function internalSiteUrl(): string | null {
  const configured = process.env.VOICES_INTERNAL_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  if (process.env.NODE_ENV === 'test' || process.env.VITEST) return null
  return `http://127.0.0.1:${process.env.PORT || 3000}`
}
