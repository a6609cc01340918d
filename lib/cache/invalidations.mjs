/**
 * The invalidations this process has made: every `revalidateTag` a cache handler receives
 * (lib/cache/handler.mjs) goes through `invalidating`.
 * - A count of them: the server's copies of cached pages (server/pageCopies.mjs) are good only for
 *   the count they were made under, so a publish, an edit or a consent withdrawal ends every copy.
 * - Those still under way: Next.js sends a change's answer without waiting for the invalidations
 *   it starts, and with Redis those take a round trip. The server holds the answer to a change
 *   until they are in (server/afterInvalidations.mjs), so that whoever reads a page after a save,
 *   a publish or a withdrawal has returned never gets the page as it was.
 *
 * Kept on `globalThis` under registered symbols: Next.js loads the cache handler itself, and
 * whichever module instance it gets, the server reads the same state.
 */
const countKey = Symbol.for('voices.pageCache.generation')
const pendingKey = Symbol.for('voices.pageCache.pending')

/** @returns {Set<Promise<unknown>>} */
const pending = () => (globalThis[pendingKey] ??= new Set())

/** The current count. */
export const pageGeneration = () => globalThis[countKey] ?? 0

/** Something cached changed: every copy made before now is over. */
export function pagesChanged() {
  globalThis[countKey] = pageGeneration() + 1
}

/** Counts an invalidation and keeps it among those under way until `work` settles; returns `work`. */
export function invalidating(work) {
  pagesChanged()
  const promise = Promise.resolve(work)
  const under = pending()
  under.add(promise)
  const done = () => under.delete(promise)
  promise.then(done, done)
  return work
}

/** Whether any invalidation is still under way. */
export const invalidationsUnderWay = () => pending().size > 0

/** Resolves once every invalidation under way now has settled, or after `maxMs`. */
export function invalidationsSettled(maxMs) {
  const under = [...pending()]
  if (!under.length) return Promise.resolve()
  let timer
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, maxMs)))
  return Promise.race([Promise.allSettled(under), limit]).finally(() => clearTimeout(timer))
}
