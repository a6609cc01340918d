/**
 * A count of the invalidations this process has made: every `revalidateTag` a cache handler
 * receives (lib/cache/handler.mjs) moves it on. The server's copies of cached pages
 * (server/pageCopies.mjs) are good only for the count they were made under, so a publish, an edit
 * or a consent withdrawal ends every copy at once.
 *
 * Kept on `globalThis` under a registered symbol: Next.js loads the cache handler itself, and
 * whichever module instance it gets, the server reads the same count.
 */
const key = Symbol.for('voices.pageCache.generation')

/** The current count. */
export const pageGeneration = () => globalThis[key] ?? 0

/** Something cached changed: every copy made before now is over. */
export function pagesChanged() {
  globalThis[key] = pageGeneration() + 1
}
