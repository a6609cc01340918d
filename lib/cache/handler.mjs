/**
 * Next.js cache handler for Voices: cached pages and queries live in this process's memory only.
 *
 * Next's default handler keeps entries on disk but remembers which tags an edit invalidated only
 * in memory, so after a restart a page that an edit (or a consent withdrawal) had made stale
 * could be served again. Here a restart simply starts cold: every page is rebuilt from the
 * database on its next visit. Several instances behind a load balancer would each keep their own
 * cache; running more than one needs a shared handler (e.g. Redis) instead.
 */
import { inlineScriptHashes, policyHeader, sitePolicy } from '../security/contentSecurityPolicy.mjs'
import { supersededHeader } from '../../server/supersededRenders.mjs'
import { frontCacheConfigured, refreshFrontCache } from './frontCache.mjs'

const MAX_ENTRIES = 5000
/**
 * The most page and query data kept, in bytes (`VOICES_PAGE_CACHE_MB`, 256 by default, checked by
 * server/start.mjs): the least recently used goes first, so memory stays flat however many
 * pages, languages and filters visitors reach. `0` keeps nothing: every page is rendered for
 * every request, which is what the benchmark compares the cache with (bench/read.mjs).
 */
const MAX_BYTES =
  (process.env.VOICES_PAGE_CACHE_MB?.trim() ? Number(process.env.VOICES_PAGE_CACHE_MB) : 256) * 1024 * 1024
/** A render still unfinished after this long is taken to have failed (see `renderStarted`). */
const RENDER_LIMIT_MS = 60_000
/** key -> { value, lastModified, tags, size } in least-recently-used order. */
const entries = new Map()
/** What `entries` holds, by `sizeOf`. */
let bytes = 0
/** tag -> when it was last expired: nothing stored before then is served again. */
const revalidatedAt = new Map()
/** tag -> when what its queries read last changed: queries stored before then are read again. */
const requeriedAt = new Map()
/** key -> { since, pending }: renders of the key under way, and when the oldest of them began. */
const rendering = new Map()

/** The clock Next.js compares `lastModified` with. */
const now = () => performance.timeOrigin + performance.now()

/**
 * An entry is as fresh as the moment its rendering began, not the moment it was stored: a page
 * (or query) that began before an edit read the old content, and if the edit's revalidation
 * landed while it was still rendering, storing it stamped "now" would make the old content look
 * newer than the edit, and it would be served until the next edit.
 *
 * Next.js asks `get` for a key and, on a miss, renders it and calls `set`; it passes nothing
 * that says when the rendering began. So a miss records the time, per key, and each store is
 * stamped with the start of the oldest render of that key still under way: never later than its
 * own start, at worst a little early, which only costs one more render after an edit.
 *
 * Renders of one key can overlap (a query computed by two pages at once) and finish in any
 * order, so they are counted.
 */
function renderStarted(key) {
  const at = now()
  const known = rendering.get(key)
  if (known && at - known.since < RENDER_LIMIT_MS) {
    known.pending += 1
    return
  }
  rendering.delete(key)
  rendering.set(key, { since: at, pending: 1 })
  while (rendering.size > MAX_ENTRIES) rendering.delete(rendering.keys().next().value)
}

/** When the render being stored began, or undefined when that is not known. */
function renderFinished(key) {
  const known = rendering.get(key)
  if (!known) return undefined
  if (now() - known.since >= RENDER_LIMIT_MS) {
    rendering.delete(key)
    return undefined
  }
  known.pending -= 1
  if (known.pending <= 0) rendering.delete(key)
  return known.since
}

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

function drop(key) {
  const entry = entries.get(key)
  if (!entry) return
  entries.delete(key)
  bytes -= entry.size
}

function keep(key, entry) {
  drop(key)
  entries.set(key, entry)
  bytes += entry.size
  while (entries.size > MAX_ENTRIES || (bytes > MAX_BYTES && entries.size > 1)) drop(entries.keys().next().value)
}

/** Size and count of what is kept, for tests and benchmarks. */
export function cacheUsage() {
  return { entries: entries.size, bytes }
}

function tagsOf(data, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(data?.tags ?? [])])
  const header = data?.headers?.['x-next-cache-tags']
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag)
  return [...tags]
}

/**
 * A cached page carries its own Content-Security-Policy, allowing exactly the inline scripts
 * stored with it. Next.js sends the stored headers with every copy it serves, and the page's
 * first render is answered from this same entry after it is stored, so both carry the policy.
 */
function withScriptPolicy(data) {
  if (data?.kind !== 'APP_PAGE' || typeof data.html !== 'string') return
  data.headers ??= {}
  data.headers[policyHeader] = sitePolicy(inlineScriptHashes(data.html))
}

/** Whether any of the tags was marked in `marks` at or after the entry's stamp. */
function markedSince(marks, entry, extraTags) {
  for (const tag of [...entry.tags, ...extraTags]) {
    if ((marks.get(tag) ?? 0) >= entry.lastModified) return true
  }
  return false
}

/** A page or route key ends in its path: `/route-cache/APP_PAGE/<build>/$/en/stories/…`. */
function pathOfPageKey(key) {
  const at = key.lastIndexOf('/$/')
  return at === -1 ? null : key.slice(at + 2)
}

/**
 * The paths of the pages kept here that show something under these tags: the ones the HTTP
 * cache in front (lib/cache/frontCache.mjs) must fetch anew.
 */
function pagesTagged(tags) {
  const paths = new Set()
  for (const [key, entry] of entries) {
    const kind = entry.value?.kind
    if ((kind !== 'APP_PAGE' && kind !== 'APP_ROUTE') || !entry.tags.some((tag) => tags.has(tag))) continue
    const pagePath = pathOfPageKey(key)
    if (pagePath) paths.add(pagePath)
  }
  return paths
}

export default class VoicesCacheHandler {
  constructor(_options) {}

  /**
   * Two kinds of invalidation (see lib/site/revalidate.ts):
   * - expired (every page that showed what changed): nothing stored before it is served again;
   *   the next visitor waits for a fresh render;
   * - queries read again (the collection changed, but not anything these pages showed): queries
   *   stored before it are computed afresh, pages are served as they are. A page is never served
   *   as it was while it is rendered again in the background: Next.js would hand that old page to
   *   every visitor asking meanwhile, even one asking after a takedown.
   */
  async get(key, ctx) {
    const entry = entries.get(key)
    const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
    const requery = ctx?.kind === 'FETCH' && entry && markedSince(requeriedAt, entry, tags)
    if (!entry || requery || markedSince(revalidatedAt, entry, tags)) {
      drop(key)
      renderStarted(key)
      return null
    }
    keep(key, entry)
    return { value: entry.value, lastModified: entry.lastModified }
  }

  async set(key, data, ctx) {
    drop(key)
    const startedAt = renderFinished(key)
    // Not knowing when it began, the entry could be older than an edit: it is not kept.
    if (data === null || data === undefined || startedAt === undefined) return
    const entry = { value: data, lastModified: startedAt, tags: tagsOf(data, ctx), size: sizeOf(data) }
    if (markedSince(revalidatedAt, entry, [])) {
      // Rendered from what was there before something it shows was taken down or changed. Not
      // kept; and Next.js hands this very render to everyone who asked for the page while it was
      // being made, some of them after the takedown, so it is marked for the server to send them
      // to ask again (server/supersededRenders.mjs).
      if (data.headers && (data.kind === 'APP_PAGE' || data.kind === 'APP_ROUTE')) data.headers[supersededHeader] = '1'
      return
    }
    withScriptPolicy(data)
    if (MAX_BYTES > 0) keep(key, entry)
  }

  /**
   * `revalidateTag(tag, { expire: 0 })` (or no durations) expires; a profile with a later
   * expiry, such as `'max'`, has the tag's queries read again.
   */
  async revalidateTag(tags, durations) {
    const at = now()
    const expires = !durations || !durations.expire
    const marks = expires ? revalidatedAt : requeriedAt
    for (const tag of [tags].flat()) marks.set(tag, at)
    if (expires && frontCacheConfigured()) refreshFrontCache(pagesTagged(new Set([tags].flat())))
  }

  resetRequestCache() {}
}
