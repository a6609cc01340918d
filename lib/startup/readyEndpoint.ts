import type { Endpoint } from 'payload'

import { redisConnection } from '@/lib/cache/redisClient.mjs'
import { storageAnswers } from '@/lib/uploads/storageAnswers'

/**
 * `GET /api/ready`: 200 once Payload has booted, its database answers, and, when instances share
 * their cache (REDIS_URL), Redis answers and is safe to cache in, and, with object storage
 * (S3_*), its buckets answer; 503 otherwise. Cheap, open to
 * anyone, and telling nothing else: load balancers and the server's own start-up
 * (lib/startup/startVoices.ts) ask it. Liveness is `/api/health` (server/health.mjs).
 */
const ready: Endpoint = {
  path: '/ready',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await req.payload.count({ collection: 'users', overrideAccess: true })
      // The server's own warm-up asks only that Payload has booted: Redis or the store coming up
      // later must not stop the start (readiness stays 503 until they do).
      if (!req.headers.get('x-voices-warm-up')) {
        const redis = redisConnection()
        if (redis && (!redis.usable || (await redis.client.ping()) !== 'PONG')) throw new Error('Redis')
        if (!(await storageAnswers())) throw new Error('Object storage')
      }
      return Response.json({ ready: true }, { headers })
    } catch {
      return Response.json({ ready: false }, { status: 503, headers })
    }
  },
}

/** The same for GET and HEAD: a load balancer may ask either. */
export const readyEndpoints: Endpoint[] = [ready, { ...ready, method: 'head' }]
