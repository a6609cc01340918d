/**
 * When each render being made began. A cached entry is as fresh as the moment its rendering
 * began, not the moment it was stored: a page (or query) that began before an edit read the old
 * content, and if the edit's invalidation landed while it was still rendering, stamping it with
 * the time it was stored would make the old content look newer than the edit, and it would be
 * served until the next edit.
 *
 * Next.js asks the handler's `get` for a key and, on a miss, renders it and calls `set`; it passes
 * nothing that says when the rendering began. So a miss records the moment (`started`), per key,
 * and each store is stamped with the start of the oldest render of that key still under way
 * (`finished`): never later than its own start, at worst a little early, which only costs one
 * more render after an edit. Renders of one key can overlap (a query computed by two pages at
 * once) and finish in any order, so they are counted.
 *
 * Moments are whatever the handler orders invalidations by: this process's clock for the memory
 * handler, a counter shared by every instance for the Redis one.
 */

/** A render still unfinished after this long is taken to have failed. */
const RENDER_LIMIT_MS = 60_000

export function createRenderTracker({ maxKeys = 5000 } = {}) {
  /** key -> { since, pending, begunAt }: renders under way, the oldest one's moment. */
  const rendering = new Map()
  const expired = (known) => performance.now() - known.begunAt >= RENDER_LIMIT_MS

  return {
    /** A render of `key` begins at `moment`. */
    started(key, moment) {
      const known = rendering.get(key)
      if (known && !expired(known)) {
        known.pending += 1
        return
      }
      rendering.delete(key)
      rendering.set(key, { since: moment, pending: 1, begunAt: performance.now() })
      while (rendering.size > maxKeys) rendering.delete(rendering.keys().next().value)
    },
    /** The moment the render being stored began, or undefined when that is not known. */
    finished(key) {
      const known = rendering.get(key)
      if (!known) return undefined
      if (expired(known)) {
        rendering.delete(key)
        return undefined
      }
      known.pending -= 1
      if (known.pending <= 0) rendering.delete(key)
      return known.since
    },
  }
}
