import { expect, test } from './fixtures'

/**
 * Liveness and readiness on the production server, as an orchestrator asks them: `/api/health`
 * is answered by the server itself before its request queue and Next.js (server/health.mjs),
 * `/api/ready` by Voices once Payload and its database answer (lib/startup/readyEndpoint.ts).
 * Both are open, never cached, and tell nothing else.
 */
test('GET /api/health says the process is alive, and nothing more', async ({ request }) => {
  const response = await request.get('/api/health')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('no-store')
  expect(response.headers()['set-cookie']).toBeUndefined()
  expect(await response.json()).toEqual({ alive: true })
  const head = await request.head('/api/health?probe=1')
  expect(head.status()).toBe(200)
  expect(await head.text()).toBe('')
})

test('/api/health takes no other method', async ({ request }) => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const response = await request.fetch('/api/health', { method, data: 'x' })
    expect(response.status(), method).toBe(405)
    expect(response.headers().allow).toBe('GET, HEAD')
  }
})

test('GET /api/ready says the database answers, and nothing more', async ({ request }) => {
  const response = await request.get('/api/ready')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('no-store')
  expect(await response.json()).toEqual({ ready: true })
  // Load balancers may ask with HEAD.
  expect((await request.head('/api/ready')).status()).toBe(200)
})
