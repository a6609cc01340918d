import { afterAll, describe, expect, it, vi } from 'vitest'

/**
 * What someone searched for is hers alone (docs/PRIVACY.md): no cache may keep a search, or the
 * next visitor asking for the same words would get her answer faster and learn that someone had
 * searched for them. In production every public query goes through Next.js's shared cache
 * (`unstable_cache`, lib/site/publicApi.ts), except search's. Recorded here as the module wraps
 * its queries, so that a search read through the shared cache fails this test.
 */
const wrapped: string[][] = []
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: (read: (...args: unknown[]) => unknown, keyParts: string[] = []) => {
    wrapped.push(keyParts)
    return read
  },
}))

afterAll(() => {
  vi.unstubAllEnvs()
})

describe('search and the shared cache', () => {
  it('every public query but search’s is read through the shared cache in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    // Production refuses a short secret as the config loads.
    vi.stubEnv('PAYLOAD_SECRET', 'a test secret long enough for production')
    vi.resetModules()
    const api = await import('@/lib/site/publicApi')
    vi.unstubAllEnvs()
    const keys = wrapped.map((parts) => parts.join('/'))
    // The cache is in use: the queries a page next to search reads are kept.
    expect(keys).toContain('site-settings')
    expect(keys.length).toBeGreaterThan(5)
    expect(keys.filter((key) => /search/i.test(key))).toEqual([])
    expect(typeof api.searchStories).toBe('function')
  })
})
