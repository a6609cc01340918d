/**
 * Entries kept in least-recently-used order within a room in bytes (and a count), as the page
 * cache (memoryHandler.mjs) and the server's copies of pages (server/pageCopies.mjs) keep theirs.
 * Each entry carries its own `size`. The entry just kept always stays, even alone over the room.
 */
export function createSizedStore({ maxBytes, maxEntries = Infinity }) {
  /** key -> entry, least recently used first. */
  const entries = new Map()
  let bytes = 0

  function drop(key) {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= entry.size
  }

  /** Keeps the entry as the most recently used, dropping the least used while over the room. */
  function keep(key, entry) {
    drop(key)
    entries.set(key, entry)
    bytes += entry.size
    while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) drop(entries.keys().next().value)
  }

  return {
    get: (key) => entries.get(key),
    keep,
    drop,
    entries: () => entries.entries(),
    usage: () => ({ entries: entries.size, bytes }),
  }
}
