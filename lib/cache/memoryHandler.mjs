/**
 * Next.js cache handler for one Voices instance: cached pages and queries live in this process's
 * memory only (lib/cache/handler.mjs chooses it when no REDIS_URL is set).
 *
 * Next's default handler keeps entries on disk but remembers which tags an edit invalidated only
 * in memory, so after a restart a page that an edit (or a consent withdrawal) had made stale
 * could be served again. Here a restart simply starts cold: every page is rebuilt from the
 * database on its next visit. Instances that share a site share a cache on Redis instead
 * (redisHandler.mjs).
 */
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
import { createRenderTracker } from './renders.mjs'
import { createSizedStore } from './sizedStore.mjs'

const MAX_ENTRIES = 5000
/**
 * The most page and query data kept, in bytes (`VOICES_PAGE_CACHE_MB`, 256 by default, checked by
 * server/start.mjs): the least recently used goes first, so memory stays flat however many
 * pages, languages and filters visitors reach. `0` keeps nothing: every page is rendered for
 * every request, which is what the benchmark compares the cache with (bench/read.mjs).
 */
const MAX_BYTES =
  (process.env.VOICES_PAGE_CACHE_MB?.trim() ? Number(process.env.VOICES_PAGE_CACHE_MB) : 256) * 1024 * 1024
/** key -> { value, lastModified, tags, size } in least-recently-used order, within the room. */
const store = createSizedStore({ maxBytes: MAX_BYTES, maxEntries: MAX_ENTRIES })
/** tag -> when it was last expired: nothing stored before then is served again. */
const revalidatedAt = new Map()
/** tag -> when what its queries read last changed: queries stored before then are read again. */
const requeriedAt = new Map()
const renders = createRenderTracker({ maxKeys: MAX_ENTRIES })

/** The clock Next.js compares `lastModified` with. */
const now = () => performance.timeOrigin + performance.now()

const lengthOf = (part) => (typeof part === 'string' || ArrayBuffer.isView(part) ? part.length : 0)

/**
 * About how much memory an entry takes: its HTML, RSC payload and segments for a page, its body
 * for a route or a query. Strings count one byte a character, which undercounts Cyrillic a little;
 * the budget is a bound, not an account.
 */
function sizeOf(data) {
  if (!data || typeof data !== 'object') return 0
  let size = 512 + lengthOf(data.html) + lengthOf(data.rscData) + lengthOf(data.body) + lengthOf(data.data?.body)
  if (data.segmentData instanceof Map) for (const segment of data.segmentData.values()) size += lengthOf(segment)
  return size
}

const { drop, keep } = store

/** Size and count of what is kept, for tests and benchmarks. */
export function cacheUsage() {
  return store.usage()
}

/** Whether any of the tags was marked in `marks` at or after the entry's stamp. */
function markedSince(marks, entry, extraTags) {
  for (const tag of [...entry.tags, ...extraTags]) {
    if ((marks.get(tag) ?? 0) >= entry.lastModified) return true
  }
  return false
}

/**
 * The paths of the pages kept here that show something under these tags: the ones the HTTP
 * cache in front (lib/cache/frontCache.mjs) must fetch anew.
 */
function pagesTagged(tags) {
  const paths = new Set()
  for (const [key, entry] of store.entries()) {
    if (!isPage(entry.value) || !entry.tags.some((tag) => tags.has(tag))) continue
    const pagePath = pathOfPageKey(key)
    if (pagePath) paths.add(pagePath)
  }
  return paths
}

export default class MemoryCacheHandler {
  constructor(_options) {}

  async get(key, ctx) {
    const entry = store.get(key)
    const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
    const requery = ctx?.kind === 'FETCH' && entry && markedSince(requeriedAt, entry, tags)
    if (!entry || requery || markedSince(revalidatedAt, entry, tags)) {
      drop(key)
      renders.started(key, now())
      return null
    }
    keep(key, entry)
    return { value: entry.value, lastModified: entry.lastModified }
  }

  async set(key, data, ctx) {
    drop(key)
    const startedAt = renders.finished(key)
    // Not knowing when it began, the entry could be older than an edit: it is not kept.
    if (data === null || data === undefined || startedAt === undefined) return
    const entry = { value: data, lastModified: startedAt, tags: tagsOf(data, ctx), size: sizeOf(data) }
    if (markedSince(revalidatedAt, entry, [])) return markSuperseded(data)
    withScriptPolicy(data)
    if (!forOneRequest(data) && MAX_BYTES > 0) keep(key, entry)
  }

  revalidateTag(tags, durations) {
    const at = now()
    const expiring = expires(durations)
    const marks = expiring ? revalidatedAt : requeriedAt
    for (const tag of [tags].flat()) marks.set(tag, at)
    if (expiring && frontCacheConfigured()) refreshFrontCache(pagesTagged(new Set([tags].flat())))
    return invalidating(Promise.resolve())
  }

  resetRequestCache() {}
}
