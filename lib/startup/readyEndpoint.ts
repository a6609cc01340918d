import type { Endpoint } from 'payload'

/**
 * `GET /api/ready`: 200 once Payload has booted and its database answers, 503 otherwise. Cheap,
 * open to anyone, and telling nothing else: load balancers and the server's own start-up
 * (lib/startup/startVoices.ts) ask it.
 */
export const readyEndpoint: Endpoint = {
  path: '/ready',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await req.payload.count({ collection: 'users', overrideAccess: true })
      return Response.json({ ready: true }, { headers })
    } catch {
      return Response.json({ ready: false }, { status: 503, headers })
    }
  },
}
