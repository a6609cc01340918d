import { afterEach, describe, expect, it } from 'vitest'

import { clientAddress, clientKey } from '@/lib/abuse/clientKey'
import { createRateLimiter } from '@/lib/abuse/rateLimit'
import { formLimit, honeypotField, resetFormLimits, screenSubmission, sitewideFormLimit } from '@/lib/donors/abuse'

const headers = (forwardedFor?: string) => new Headers(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {})

describe('client address', () => {
  const hopsBefore = process.env.VOICES_PROXY_HOPS
  afterEach(() => {
    if (hopsBefore === undefined) delete process.env.VOICES_PROXY_HOPS
    else process.env.VOICES_PROXY_HOPS = hopsBefore
  })

  const cases: Array<{ header?: string; hops?: string; expected: string }> = [
    { header: '203.0.113.7', expected: '203.0.113.7' },
    { header: '198.51.100.1, 203.0.113.7', expected: '203.0.113.7' },
    { header: '198.51.100.1, 203.0.113.7, 10.0.0.2', hops: '2', expected: '203.0.113.7' },
    { header: '203.0.113.7', hops: '3', expected: '203.0.113.7' },
    { header: ' , 203.0.113.7 ', expected: '203.0.113.7' },
    { header: undefined, expected: 'unknown' },
  ]
  for (const { header, hops, expected } of cases) {
    it(`takes ${expected} from "${header ?? '(none)'}" with ${hops ?? 'default'} hops`, () => {
      if (hops) process.env.VOICES_PROXY_HOPS = hops
      else delete process.env.VOICES_PROXY_HOPS
      expect(clientAddress(headers(header))).toBe(expected)
    })
  }
})

describe('client key', () => {
  const day = new Date('2026-11-30T10:00:00Z')
  it('is the same for one client, purpose and day, and never contains the address', () => {
    const key = clientKey(headers('203.0.113.7'), 'inquiry', day)
    expect(clientKey(headers('203.0.113.7'), 'inquiry', new Date('2026-11-30T23:59:59Z'))).toBe(key)
    expect(key).not.toContain('203')
    expect(key).toMatch(/^[\w-]{22}$/)
  })
  it('differs between clients, purposes and days', () => {
    const key = clientKey(headers('203.0.113.7'), 'inquiry', day)
    expect(clientKey(headers('203.0.113.8'), 'inquiry', day)).not.toBe(key)
    expect(clientKey(headers('203.0.113.7'), 'signup', day)).not.toBe(key)
    expect(clientKey(headers('203.0.113.7'), 'inquiry', new Date('2026-12-01T00:00:00Z'))).not.toBe(key)
  })
})

describe('rate limit', () => {
  it('allows the limit within a window, refuses the next with a retry time, and allows again after', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000 })
    for (let i = 0; i < 5; i++) expect(limiter.take('a', 1_000 + i)).toEqual({ ok: true })
    expect(limiter.take('a', 2_000)).toEqual({ ok: false, retryAfterSeconds: 59 })
    expect(limiter.take('b', 2_000)).toEqual({ ok: true })
    expect(limiter.take('a', 61_000)).toEqual({ ok: true })
  })
  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(/positive whole number/)
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(/window must be positive/)
  })
})

describe('the public forms', () => {
  afterEach(() => resetFormLimits())

  it('refuse a sixth submission from one client, and more than the site-wide cap from clients claiming new addresses', () => {
    const form = () => {
      const data = new FormData()
      data.set(honeypotField, '')
      return data
    }
    for (let i = 0; i < formLimit.limit; i++)
      expect(screenSubmission('signup', form(), headers('198.51.100.1'))).toBeNull()
    expect(screenSubmission('signup', form(), headers('198.51.100.1'))).toMatchObject({ reason: 'tooMany' })

    resetFormLimits()
    // A script inventing a new X-Forwarded-For for every request still meets the site-wide cap.
    for (let i = 0; i < sitewideFormLimit.limit; i++)
      expect(
        screenSubmission('inquiry', form(), headers(`10.0.${i >> 8}.${i & 255}`)),
        `submission ${i + 1}`,
      ).toBeNull()
    expect(screenSubmission('inquiry', form(), headers('10.9.9.9'))).toMatchObject({ reason: 'tooMany' })
    // Each form has its own caps.
    expect(screenSubmission('signup', form(), headers('10.9.9.9'))).toBeNull()
  })
})
