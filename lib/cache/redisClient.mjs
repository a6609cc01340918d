/**
 * The one connection to Redis (REDIS_URL) a Voices process keeps, shared by the page cache
 * (redisHandler.mjs) and the readiness check (lib/startup/readyEndpoint.ts). Next.js loads the
 * cache handler and the app's routes as separate copies of these modules, so the connection is
 * kept on `globalThis`, not in a module variable.
 *
 * Commands fail fast rather than queue: while Redis cannot be reached, the page cache misses
 * (every page is rendered from the database) instead of holding visitors up.
 */
import Redis from 'ioredis'

const slot = Symbol.for('voices.redis')

/** The configured Redis address, or null when instances do not share a cache. */
export const redisUrl = () => process.env.REDIS_URL?.trim() || null

/** Redis's settings that keep the page cache's promise after a restart (see `unsafeSettings`). */
async function checkSettings(client) {
  try {
    const [, policy] = await client.config('GET', 'maxmemory-policy')
    const [, save] = await client.config('GET', 'save')
    const [, appendonly] = await client.config('GET', 'appendonly')
    return unsafeSettings({ policy, save, appendonly })
  } catch {
    // Managed services may refuse CONFIG; their settings are the operator's to check (docs/deploy.md).
    return null
  }
}

/**
 * Why these Redis settings could let a page an edit invalidated be served again, or null.
 * - An eviction policy over all keys could evict the mark of an invalidation and keep the page it
 *   invalidated. Only entries have an expiry, so `volatile-*` policies evict entries alone.
 * - A Redis that saves to disk comes back after a restart with entries and marks as they were
 *   when it last saved: an invalidation made after that is lost, while the page it invalidated
 *   may be back. Without saving, a restarted Redis is empty, which is always safe.
 */
export function unsafeSettings({ policy, save, appendonly }) {
  if (/^allkeys-/.test(policy ?? '')) return `its maxmemory-policy is ${policy}; use volatile-lru`
  if ((save ?? '').trim() !== '' || appendonly === 'yes')
    return 'it saves to disk (save or appendonly); run it with --save "" --appendonly no'
  return null
}

/**
 * The shared client: `{ client, usable }`, where `usable` says whether the page cache may use it
 * (connected, and its settings checked safe). Null when REDIS_URL is not set.
 */
export function redisConnection() {
  const url = redisUrl()
  if (!url) return null
  const known = globalThis[slot]
  if (known) return known
  const client = new Redis(url, {
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  })
  const connection = { client, usable: false, problem: null }
  let lastLogged = 0
  client.on('ready', async () => {
    connection.problem = await checkSettings(client)
    connection.usable = connection.problem === null
    if (connection.problem) console.error(`voices: the page cache will not use Redis: ${connection.problem}`)
  })
  client.on('end', () => (connection.usable = false))
  client.on('close', () => (connection.usable = false))
  client.on('error', (error) => {
    connection.usable = false
    if (Date.now() - lastLogged < 60_000) return
    lastLogged = Date.now()
    console.error(`voices: Redis (REDIS_URL) cannot be reached: ${error.message}; pages are rendered uncached`)
  })
  globalThis[slot] = connection
  return connection
}

/**
 * Connects at start, waiting `maxMs` at most for Redis to answer. Without it the connection opened
 * with the first use: an instance's first invalidations, made before it was up, reached Redis (and
 * the other instances) only on the retry half a second later. Redis still down after the wait
 * leaves the instance serving uncached, as while it runs.
 */
export async function connectRedis(maxMs) {
  const connection = redisConnection()
  const deadline = Date.now() + maxMs
  while (connection && !connection.usable && !connection.problem && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
