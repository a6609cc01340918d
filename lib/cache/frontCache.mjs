/**
 * The HTTP cache in front of Voices (deploy/nginx/voices.conf.template) keeps each public page for
 * a second. When a change expires pages here (lib/cache/handler.mjs), the same pages are fetched
 * again through it with the refresh key, and it replaces its copy with the new page at once: a
 * publish, an edit or a consent withdrawal reaches readers served by the front as soon as it
 * reaches Voices, instead of a second later.
 *
 * Set by the operator (README, "Running in production"; checked by server/start.mjs):
 * - VOICES_HTTP_CACHE_URL: the front's address as Voices reaches it (e.g. http://nginx);
 * - VOICES_HTTP_CACHE_REFRESH_KEY: the key the front's configuration is given.
 * Without them there is no front to refresh and nothing is sent.
 */
const frontUrl = process.env.VOICES_HTTP_CACHE_URL?.trim().replace(/\/+$/, '') || null
const refreshKey = process.env.VOICES_HTTP_CACHE_REFRESH_KEY?.trim() || null

/** The header the front takes as "fetch anew and keep that". */
export const refreshHeader = 'x-voices-refresh'

/** The front keeps a gzip and a plain copy of each page (its `$voices_encoding`). */
const encodings = ['gzip', 'identity']
/** Refreshes under way at once: a withdrawal can expire a few dozen pages. */
const PARALLEL = 4
/** "Ask again" (server/supersededRenders.mjs) is followed this many times at most. */
const MAX_ASKS = 5

/** Paths waiting for a refresh, in order; a path already waiting is not added twice. */
const waiting = new Set()
let running = 0
let lastFailureLogged = 0

export const frontCacheConfigured = () => frontUrl !== null && refreshKey !== null

async function refreshOne(pagePath, encoding) {
  for (let ask = 0; ask < MAX_ASKS; ask++) {
    const response = await fetch(`${frontUrl}${pagePath}`, {
      headers: { [refreshHeader]: refreshKey, 'accept-encoding': encoding },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    })
    // Read to the end: the front keeps a page only once it has all of it.
    await response.arrayBuffer()
    if (response.status !== 307 || response.headers.get('location') !== pagePath) return
  }
}

async function drain() {
  while (running < PARALLEL && waiting.size > 0) {
    const pagePath = waiting.values().next().value
    waiting.delete(pagePath)
    running += 1
    Promise.all(encodings.map((encoding) => refreshOne(pagePath, encoding)))
      .catch((error) => {
        // The front then serves its copy out its second, as it would without refreshes.
        if (Date.now() - lastFailureLogged > 60_000) {
          lastFailureLogged = Date.now()
          console.error(`voices: could not refresh ${pagePath} in the HTTP cache at ${frontUrl}: ${error.message}`)
        }
      })
      .finally(() => {
        running -= 1
        void drain()
      })
  }
}

/**
 * Asks the front to fetch these pages anew. A page already being fetched is fetched once more
 * after: that fetch may have begun before this change.
 */
export function refreshFrontCache(pagePaths) {
  if (!frontCacheConfigured()) return
  for (const pagePath of pagePaths) if (pagePath.startsWith('/')) waiting.add(pagePath)
  void drain()
}
