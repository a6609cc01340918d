import type { IncrementalCache } from 'next/dist/server/lib/incremental-cache'

import { AsyncLocalStorage } from 'node:async_hooks'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import MemoryCacheHandler from '@/lib/cache/memoryHandler.mjs'
import { invalidationsUnderWay, pageGeneration } from '@/lib/cache/invalidations.mjs'
import { redisConnection } from '@/lib/cache/redisClient.mjs'
import RedisCacheHandler from '@/lib/cache/redisHandler.mjs'

import { type RedisServer, startRedis } from '../helpers/redisServer'

/**
 * The page cache never serves what an edit should have removed, even when a render began before
 * the edit and was stored after it: in this process's memory (lib/cache/memoryHandler.mjs) and
 * in Redis, shared by instances (lib/cache/redisHandler.mjs), alike. Driven through Next.js's own
 * IncrementalCache and `unstable_cache`, in the order Next calls them: `get` (a miss), the
 * render, then `set`; an edit expires its tags in between, as its request ends.
 */
const handlers = { memory: MemoryCacheHandler, redis: RedisCacheHandler }
let Handler: (typeof handlers)[keyof typeof handlers] = MemoryCacheHandler
let redis: RedisServer

beforeAll(async () => {
  redis = await startRedis()
  process.env.REDIS_URL = redis.url
  const connection = redisConnection()!
  await until(() => connection.usable)
})

afterAll(async () => {
  await redisConnection()?.client.quit()
  await redis?.stop()
  delete process.env.REDIS_URL
})

/** Waits until `done` holds, for a few seconds at most. */
async function until(done: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 5_000
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('waited too long')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
type Global = typeof globalThis & { __incrementalCache?: IncrementalCache; AsyncLocalStorage?: unknown }

let cache: IncrementalCache
let Cache: typeof IncrementalCache
let unstable_cache: typeof import('next/cache').unstable_cache

beforeAll(async () => {
  // As the Next.js server does before loading anything of its own.
  ;(globalThis as Global).AsyncLocalStorage = AsyncLocalStorage
  Cache = (await import('next/dist/server/lib/incremental-cache')).IncrementalCache
  unstable_cache = (await import('next/cache')).unstable_cache
})

beforeEach(async () => {
  cache = new Cache({
    dev: false,
    requestHeaders: {},
    previewProps: { previewModeId: 'preview', previewModeEncryptionKey: 'key', previewModeSigningKey: 'key' },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: {} } as never,
    CurCacheHandler: Handler as never,
  })
  ;(globalThis as Global).__incrementalCache = cache
  // Every test starts from a cache in which its tags have just been expired: nothing of an
  // earlier test is served.
  await cache.revalidateTag(['stories', 'other'])
})

afterEach(() => {
  delete (globalThis as Global).__incrementalCache
})

/** A promise and the function that settles it: a render that waits until the test lets it go. */
function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

/** What `revalidateTag(tag, 'max')` hands the cache: read the queries again, keep the pages. */
const refresh = { expire: 31_536_000 }

/** Lets the clock move on, so "before" and "after" are different instants. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** The database of these tests: one story's title, read by a query that can be held up. */
function database(title: string) {
  const db = { title, holds: [] as Array<Promise<void>>, reads: 0 }
  const read = unstable_cache(
    async () => {
      const seen = db.title
      db.reads += 1
      await db.holds.shift()
      return seen
    },
    [`story-${Math.random()}`],
    { tags: ['stories'] },
  )
  /** Waits until the query has run `count` times: a render has read the title it will keep. */
  const readsBegun = (count: number) => until(() => db.reads >= count)
  return { db, read, readsBegun }
}

/** An edit as Voices makes one: the change commits, then its request expires the tags. */
async function edit(db: { title: string }, title: string) {
  db.title = title
  await cache.revalidateTag(['stories'])
  await tick()
}

describe.each(Object.entries(handlers))('in %s', (_name, handler) => {
  beforeAll(() => void (Handler = handler))

  it('every invalidation, of either kind, ends the server’s copies of pages and is waited for while under way', async () => {
    const handlerInstance = new handler({})
    for (const durations of [undefined, { expire: 0 }, { expire: 60, revalidate: 60 }]) {
      const before = pageGeneration()
      const sent = handlerInstance.revalidateTag(['stories'], durations)
      expect(pageGeneration()).toBeGreaterThan(before)
      // server/afterInvalidations.mjs holds the change's answer until it is in.
      expect(invalidationsUnderWay()).toBe(true)
      await sent
      await tick()
      expect(invalidationsUnderWay()).toBe(false)
    }
  })

  describe('a cached query', () => {
    it('is served from the cache until an edit expires it', async () => {
      const { db, read } = database('First title')
      expect(await read()).toBe('First title')
      db.title = 'Changed without telling the cache'
      expect(await read()).toBe('First title')
      await edit(db, 'Edited title')
      expect(await read()).toBe('Edited title')
    })

    it('that read the old content before an edit is not served after it, though stored after it', async () => {
      const { db, read, readsBegun } = database('Before the edit')
      const held = gate()
      db.holds.push(held.opened)
      const slow = read()
      // The render has begun and read the old title; the edit lands while it is still going.
      await readsBegun(1)
      await edit(db, 'After the edit')
      held.open()
      expect(await slow).toBe('Before the edit')
      // It was stored after the edit, but began before it: the next reader gets the edit.
      expect(await read()).toBe('After the edit')
      expect(await read()).toBe('After the edit')
    })

    it('is read afresh after a change that keeps the pages: a query is never served stale', async () => {
      const { db, read } = database('First title')
      expect(await read()).toBe('First title')
      db.title = 'Reworded'
      await cache.revalidateTag(['stories'], refresh)
      await tick()
      expect(await read()).toBe('Reworded')
    })

    it('is not served stale when two renders overlap and the older one finishes last', async () => {
      const { db, read, readsBegun } = database('Old')
      const older = gate()
      const newer = gate()
      db.holds.push(older.opened, newer.opened)
      const first = read()
      await readsBegun(1)
      await edit(db, 'New')
      const second = read()
      await readsBegun(2)
      newer.open()
      expect(await second).toBe('New')
      older.open()
      expect(await first).toBe('Old')
      expect(await read()).toBe('New')
    })
  })

  describe('a cached page', () => {
    const route = { sourceRoute: '/[locale]/stories/[slug]' }
    const page = (html: string) => ({
      kind: 'APP_PAGE',
      html,
      rscData: Buffer.from(html),
      status: 200,
      postponed: undefined,
      headers: { 'x-next-cache-tags': 'stories' },
      segmentData: undefined,
    })
    // A page of its own for each test: a lookup that misses starts a render of it.
    let path = ''
    beforeEach(() => void (path = `/en/stories/${Math.random()}`))
    const lookup = () =>
      cache.get(path, { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false, route } as never)
    let stored: ReturnType<typeof page> | null = null
    const store = (html: string) =>
      cache.set(
        path,
        (stored = page(html)) as never,
        {
          route,
          cacheControl: { revalidate: false, expire: undefined },
          isRoutePPREnabled: false,
          isFallback: false,
        } as never,
      )
    const served = async () => ((await lookup())?.value as { html?: string } | null)?.html ?? null

    it('rendered before an edit and stored after it is not served', async () => {
      // Next asks for the page, misses, renders it from the old content...
      expect(await lookup()).toBeNull()
      await tick()
      // ...the edit commits and expires the tag while the render is still going...
      await cache.revalidateTag(['stories'])
      await tick()
      // ...and the render, finished, is stored.
      await store('<p>before the edit</p>')
      expect(await served()).toBeNull()
      // Next.js hands this render to everyone who asked meanwhile: it is marked for the server to
      // send them to ask again (server/supersededRenders.mjs).
      expect(stored?.headers).toHaveProperty('x-voices-superseded', '1')
    })

    it('rendered after the edit is served, with the policy for its scripts', async () => {
      await cache.revalidateTag(['stories'])
      await tick()
      expect(await lookup()).toBeNull()
      await store('<p>after the edit</p><script>1</script>')
      expect(stored?.headers).not.toHaveProperty('x-voices-superseded')
      expect(await served()).toBe('<p>after the edit</p><script>1</script>')
      const headers = ((await lookup())?.value as { headers?: Record<string, string> }).headers
      expect(headers?.['content-security-policy']).toMatch(/'sha256-/)
    })

    it('rendered with a nonce, for one request, is not kept', async () => {
      // A made-up draft-mode cookie: the proxy gave the request a nonce, Next.js found the
      // cookie invalid and rendered a page to keep.
      expect(await lookup()).toBeNull()
      await store('<p>for one request</p><script nonce="Zm9yIG9uZQ">1</script>')
      // Marked for the server, which keeps every answer it is handed out in from any cache.
      expect(stored?.headers).toHaveProperty('x-voices-one-request', '1')
      expect(await served()).toBeNull()
      expect(await lookup()).toBeNull()
      await store('<p>for everyone</p><script>1</script>')
      expect(stored?.headers).not.toHaveProperty('x-voices-one-request')
      expect(await served()).toBe('<p>for everyone</p><script>1</script>')
    })

    it('whose render was never seen to begin is not kept', async () => {
      await store('<p>of unknown age</p>')
      expect(await served()).toBeNull()
    })

    /** A page stored fresh: looked up (a miss), rendered, stored. */
    async function cached(html: string) {
      expect(await lookup()).toBeNull()
      await store(html)
      await tick()
    }

    it('that did not show what changed is served as it was, never handed out stale while rendered again', async () => {
      await cached('<p>other stories</p>')
      await cache.revalidateTag(['stories'], refresh)
      await tick()
      const served = await lookup()
      expect((served?.value as unknown as { html: string }).html).toBe('<p>other stories</p>')
      expect(served?.isStale).toBeFalsy()
    })

    it('is expired by a takedown that follows a change that kept it', async () => {
      await cached('<p>her story</p>')
      await cache.revalidateTag(['stories'], refresh)
      await cache.revalidateTag(['stories'])
      await tick()
      expect(await lookup()).toBeNull()
    })
  })
})

describe('in redis, while it cannot be reached', () => {
  beforeAll(() => void (Handler = RedisCacheHandler))

  it('an invalidation is kept and sent once Redis answers; meanwhile nothing is served from it', async () => {
    const { client } = redisConnection()!
    const { db, read } = database('Before the edit')
    expect(await read()).toBe('Before the edit')
    const markBefore = Number((await client.get('voices:cache:expired:stories')) ?? 0)

    client.disconnect()
    await until(() => !redisConnection()!.usable)
    await edit(db, 'After the edit')
    // The entry of the old title is still in Redis; no instance may be told it is fresh.
    expect(await read()).toBe('After the edit')

    await client.connect()
    await until(async () => Number((await client.get('voices:cache:expired:stories')) ?? 0) > markBefore)
    await until(() => redisConnection()!.usable)
    expect(await read()).toBe('After the edit')
    db.title = 'Changed without telling the cache'
    // Served from Redis again, as stored after the edit.
    await until(async () => (await read()) === 'After the edit')
  })
})
