/**
 * The Next.js cache handler Voices runs with (next.config.mjs): pages and queries cached in this
 * process's memory (memoryHandler.mjs), or in Redis when REDIS_URL is set, so that instances
 * serving one site share them and every invalidation reaches all of them (redisHandler.mjs).
 */
import MemoryCacheHandler from './memoryHandler.mjs'
import RedisCacheHandler from './redisHandler.mjs'
import { redisUrl } from './redisClient.mjs'

export { cacheUsage } from './memoryHandler.mjs'

export default redisUrl() ? RedisCacheHandler : MemoryCacheHandler
