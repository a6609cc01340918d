/**
 * Next.js cache handler for Voices: cached pages and queries live in this process's memory only.
 *
 * Next's default handler keeps entries on disk but remembers which tags an edit invalidated only
 * in memory, so after a restart a page that an edit (or a consent withdrawal) had made stale
 * could be served again. Here a restart simply starts cold: every page is rebuilt from the
 * database on its next visit. Several instances behind a load balancer would each keep their own
 * cache; running more than one needs a shared handler (e.g. Redis) instead.
 */
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

import { inlineScriptHashes, policyHeader, sitePolicy } from '../security/contentSecurityPolicy.mjs'

const MAX_ENTRIES = 5000
/** A render still unfinished after this long is taken to have failed (see `renderStarted`). */
const RENDER_LIMIT_MS = 60_000
/**
 * How background refreshes are paced. Refreshing is what an ordinary edit costs the site;
 * bounding it keeps the server's time for visitors and, above all, for takedowns, whose pages
 * are rendered before anyone is answered.
 * - `atOnce`: pages refreshed at the same time;
 * - `everyMs`: a page is refreshed at most this often however many edits mark it, since while
 *   editors keep saving every list would otherwise be rendered again without end. Its own
 *   story's page is expired by each edit instead (collections/Stories/hooks/revalidateStory.ts),
 *   so this delays cards only.
 * Exported for the tests, which change it; nothing else does.
 */
export const refreshPace = { atOnce: 1, everyMs: 10_000 }
/** A background refresh not stored within this long is taken to have been dropped. */
const REFRESH_LIMIT_MS = 10_000

/** key -> { value, lastModified, tags } in least-recently-used order. */
const entries = new Map()
/** tag -> when it was last expired: nothing stored before then is served again. */
const revalidatedAt = new Map()
/** tag -> when it was last marked for refreshing: pages stored before then are renewed. */
const refreshedAt = new Map()
/** key -> when its background refresh was granted. */
const refreshing = new Map()
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
 * Next.js asks `get` for a key and, when it is missing or due for a refresh, renders it and
 * calls `set`; it passes nothing that says when the rendering began. So `get` records the
 * time, per key, and each store is stamped with the start of the oldest render of that key
 * still under way: never later than its own start, at worst a little early, which only costs
 * one more render after an edit.
 *
 * Queries can be computed several times at once (and finish in any order), so their renders
 * are counted. Next.js renders a page once at a time, but may ask for it without rendering it
 * (a prefetch served from the cache): counting those would keep an old start for a minute and
 * make every store in that minute look stale, so a page has at most one render on record.
 */
function renderStarted(key, { overlapping }) {
  const at = now()
  const known = rendering.get(key)
  if (known && at - known.since < RENDER_LIMIT_MS) {
    if (overlapping) known.pending += 1
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

/** Whether a background refresh of this entry may start now: it is old enough and few are under way. */
function mayRefresh(key, entry) {
  const at = now()
  if (at - entry.lastModified < refreshPace.everyMs) return false
  for (const [other, since] of refreshing) if (at - since >= REFRESH_LIMIT_MS) refreshing.delete(other)
  if (refreshing.has(key) || refreshing.size >= refreshPace.atOnce) return false
  refreshing.set(key, at)
  return true
}

export default class VoicesCacheHandler {
  constructor(_options) {}

  /**
   * Two kinds of invalidation (see lib/site/revalidate.ts):
   * - expired (a takedown, an unpublish, anything that must vanish): nothing stored before it is
   *   served again; the next visitor waits for a fresh render;
   * - marked for refreshing (an ordinary edit of what is published): a page stored before it is
   *   served as it is while Next.js renders it again in the background, paced by
   *   `refreshPace`. Queries are never served stale,
   *   so a refreshed page is always built from the database as it is now.
   *
   * Next.js decides that a page is stale from its own tag manifest, compared with the
   * `lastModified` returned here: a granted refresh returns the entry's own stamp (older than
   * the mark), a deferred one returns the present (newer than any mark), served as it is.
   */
  async get(key, ctx) {
    const entry = entries.get(key)
    const tags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]
    const isPage = ctx?.kind !== 'FETCH'
    const renew = entry && markedSince(refreshedAt, entry, tags)
    if (!entry || markedSince(revalidatedAt, entry, tags) || (renew && !isPage)) {
      entries.delete(key)
      renderStarted(key, { overlapping: !isPage })
      return null
    }
    entries.delete(key)
    entries.set(key, entry)
    if (renew && mayRefresh(key, entry)) {
      renderStarted(key, { overlapping: false })
      return { value: entry.value, lastModified: entry.lastModified }
    }
    return { value: entry.value, lastModified: renew ? now() : entry.lastModified }
  }

  async set(key, data, ctx) {
    entries.delete(key)
    refreshing.delete(key)
    const startedAt = renderFinished(key)
    // Not knowing when it began, the entry could be older than an edit: it is not kept.
    if (data === null || data === undefined || startedAt === undefined) return
    withScriptPolicy(data)
    entries.set(key, { value: data, lastModified: startedAt, tags: tagsOf(data, ctx) })
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value)
  }

  /**
   * `revalidateTag(tag, { expire: 0 })` (or no durations) expires; a profile with a later
   * expiry, such as `'max'`, marks for refreshing.
   */
  async revalidateTag(tags, durations) {
    const at = now()
    const expire = !durations || !durations.expire
    for (const tag of [tags].flat()) {
      if (expire) revalidatedAt.set(tag, at)
      else {
        refreshedAt.set(tag, at)
        tagsManifest.set(tag, { ...tagsManifest.get(tag), stale: at })
      }
    }
  }

  resetRequestCache() {}
}
