/**
 * Next.js cache handler for Voices instances that share one site: cached pages and queries live
 * in Redis (REDIS_URL), so a publish, an edit or a consent withdrawal made through any instance
 * invalidates what every instance serves (lib/cache/handler.mjs chooses it).
 *
 * The promise is the memory handler's (memoryHandler.mjs): nothing an invalidation removed is
 * served again, even a render that began before the invalidation and is stored after it. Clocks
 * differ between machines, so the order of events is a counter in Redis instead of a time:
 * - an invalidation takes the next value of the counter as its mark, for each of its tags, in
 *   one script (so marks of one tag only ever grow, whichever instance sets them);
 * - a render is stamped with the counter as it was when its miss was read (renders.mjs), and an
 *   entry is served only while none of its tags has a mark above its stamp.
 *
 * Invalidation marks never expire and entries do (ENTRY_TTL_SECONDS), so Redis's `volatile-*`
 * eviction drops entries, never marks; Redis must not save to disk, so that a restarted Redis is
 * empty rather than back to an older state (redisClient.mjs checks both and refuses otherwise).
 * While Redis cannot be reached, every page is a miss and nothing is stored; invalidations made
 * meanwhile are kept and sent as soon as it answers, and until then this instance serves nothing
 * from it.
 */
import v8 from 'node:v8'

import { frontCacheConfigured, refreshFrontCache } from './frontCache.mjs'
import {
  expires,
  forOneRequest,
  isPage,
  markSuperseded,
  pathOfPageKey,
  tagsOf,
  withScriptPolicy,
} from './pageEntries.mjs'
import { invalidating } from './invalidations.mjs'
import { redisConnection } from './redisClient.mjs'
import { createRenderTracker } from './renders.mjs'

/** Unvisited pages leave Redis after a week; a visited one is stored anew when it is rendered. */
const ENTRY_TTL_SECONDS = 7 * 24 * 60 * 60
/** `VOICES_PAGE_CACHE_MB=0` keeps nothing, as with the memory handler (for the benchmarks). */
const KEEPS = process.env.VOICES_PAGE_CACHE_MB?.trim() !== '0'
const RETRY_MS = 500

const prefix = 'voices:cache:'
const CLOCK = `${prefix}clock`
const entryKey = (key) => `${prefix}entry:${key}`
const expiredKey = (tag) => `${prefix}expired:${tag}`
const requeryKey = (tag) => `${prefix}requery:${tag}`
const pagesKey = (tag) => `${prefix}pages:${tag}`

/** Takes the next value of the clock and sets it as the mark of every key given after it. */
const MARK_SCRIPT = `
local moment = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], moment) end
return moment`

const renders = createRenderTracker()
/** Invalidations Redis has not taken yet: [keys of marks, tags to refresh in front or null]. */
const unsent = []
let retrying = null

function usableClient() {
  const connection = redisConnection()
  return connection?.usable && unsent.length === 0 ? connection.client : null
}

const markedAbove = (marks, stamp) => marks.some((mark) => mark !== null && Number(mark) > stamp)

/** The paths of pages stored under these tags, by any instance: those the front must fetch anew. */
async function pagesTagged(client, tags) {
  const lists = await Promise.all(tags.map((tag) => client.smembers(pagesKey(tag))))
  return new Set(lists.flat())
}

async function send(client, markKeys, frontTags) {
  await client.eval(MARK_SCRIPT, markKeys.length + 1, CLOCK, ...markKeys)
  if (frontTags && frontCacheConfigured()) refreshFrontCache(await pagesTagged(client, frontTags))
}

/** Sends the invalidations Redis missed, in order, until it has taken them all. */
function retryUnsent() {
  retrying ??= setInterval(async () => {
    const client = redisConnection()?.client
    if (!client || client.status !== 'ready') return
    try {
      while (unsent.length) {
        const [markKeys, frontTags] = unsent[0]
        await send(client, markKeys, frontTags)
        unsent.shift()
      }
      clearInterval(retrying)
      retrying = null
    } catch {
      // Still unreachable: try again at the next tick.
    }
  }, RETRY_MS)
  retrying.unref?.()
}

export default class RedisCacheHandler {
  constructor(_options) {}

  async get(key, ctx) {
    const client = usableClient()
    if (!client) return null
    try {
      const [[, raw], [, clock]] = await client.pipeline().getBuffer(entryKey(key)).get(CLOCK).exec()
      const started = { moment: Number(clock ?? 0), at: Date.now() }
      if (!raw) {
        renders.started(key, started)
        return null
      }
      const entry = v8.deserialize(raw)
      const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
      const markKeys = tags.flatMap((tag) =>
        ctx?.kind === 'FETCH' ? [expiredKey(tag), requeryKey(tag)] : [expiredKey(tag)],
      )
      if (markKeys.length && markedAbove(await client.mget(markKeys), entry.stamp)) {
        renders.started(key, started)
        return null
      }
      return { value: entry.value, lastModified: entry.lastModified }
    } catch {
      return null
    }
  }

  async set(key, data, ctx) {
    const started = renders.finished(key)
    const client = usableClient()
    // Not knowing when it began, the entry could be older than an edit: it is not kept.
    if (data === null || data === undefined || started === undefined || !client) return
    const tags = tagsOf(data, ctx)
    try {
      if (tags.length && markedAbove(await client.mget(tags.map(expiredKey)), started.moment)) {
        return markSuperseded(data)
      }
      withScriptPolicy(data)
      if (forOneRequest(data) || !KEEPS) return
      const entry = { value: data, lastModified: started.at, stamp: started.moment, tags }
      const store = client.multi().set(entryKey(key), v8.serialize(entry), 'EX', ENTRY_TTL_SECONDS)
      const pagePath = isPage(data) ? pathOfPageKey(key) : null
      if (pagePath) for (const tag of tags) store.sadd(pagesKey(tag), pagePath).expire(pagesKey(tag), ENTRY_TTL_SECONDS)
      await store.exec()
    } catch {
      // Not stored: the next visitor's request renders it again.
    }
  }

  /** Counted and waited for by the server while under way (lib/cache/invalidations.mjs). */
  revalidateTag(tags, durations) {
    return invalidating(this.markExpired(tags, durations))
  }

  async markExpired(tags, durations) {
    const list = [tags].flat()
    if (!list.length) return
    const expiring = expires(durations)
    const markKeys = list.map(expiring ? expiredKey : requeryKey)
    const frontTags = expiring ? list : null
    const client = redisConnection()?.client
    try {
      if (unsent.length || !client) throw new Error('earlier invalidations wait')
      await send(client, markKeys, frontTags)
    } catch {
      unsent.push([markKeys, frontTags])
      retryUnsent()
    }
  }

  resetRequestCache() {}
}
