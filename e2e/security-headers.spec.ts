import fs from 'node:fs'
import path from 'node:path'

import { expect, takeRefusals, test } from './fixtures'
import { program, seedStories, seedStory } from './site-helpers'

/**
 * Every response carries Voices' security headers, and every page its Content-Security-Policy:
 * a cached page allows exactly its own inline scripts by hash, a page rendered per request allows
 * those with this response's nonce, and no page allows inline scripts in general. The scripts
 * Voices sends still run (the page hydrates), twice over for a cached page: on the render that
 * fills the cache and on the copy served from it. Every other spec runs under the same watch
 * (e2e/fixtures.ts), so the admin and Live Preview are held to their policy too.
 */

const story = seedStory('the-first-circle')
const tag = seedStories.flatMap((s) => s.tags)[0]

/** [path, status, how its scripts are allowed] */
const pages: Array<[string, number, 'hashes' | 'nonce']> = [
  ['/en', 200, 'hashes'],
  ['/ru/stories', 200, 'hashes'],
  ['/kk', 200, 'hashes'],
  [`/en/stories/${story.slug}`, 200, 'hashes'],
  [`/en/stories/tag/${tag}`, 200, 'hashes'],
  [`/en/stories/program/${program.slug}`, 200, 'hashes'],
  ['/en/programs', 200, 'hashes'],
  [`/ru/programs/${program.slug}`, 200, 'hashes'],
  ['/en/stories/no-such-story', 404, 'hashes'],
  ['/en/search?q=circle', 200, 'nonce'],
  ['/en/search', 200, 'nonce'],
  ['/ru/get-involved', 200, 'nonce'],
  ['/en/updates/confirm?token=nonsense', 200, 'nonce'],
  ['/en/wp-login.php', 404, 'nonce'],
]

function scriptSources(policy: string): string[] {
  const directive = policy.split(';').find((part) => part.trim().startsWith('script-src'))
  return directive?.trim().split(/\s+/).slice(1) ?? []
}

for (const [path, status, allowed] of pages) {
  test(`${path} allows only its own scripts (${allowed}) and they run`, async ({ page }) => {
    for (const visit of allowed === 'hashes' ? ['first render', 'cached copy'] : ['render']) {
      const response = await page.goto(path)
      expect(response?.status(), `${visit}: status`).toBe(status)
      const policies = (await response!.headersArray()).filter(
        (h) => h.name.toLowerCase() === 'content-security-policy',
      )
      expect(policies, `${visit}: exactly one policy`).toHaveLength(1)
      const sources = scriptSources(policies[0]!.value)
      expect(sources, `${visit}: no inline scripts in general`).not.toContain("'unsafe-inline'")
      expect(sources).not.toContain("'unsafe-eval'")
      const own = sources.filter((s) => s.startsWith(allowed === 'hashes' ? "'sha256-" : "'nonce-"))
      expect(own.length, `${visit}: ${allowed} listed`).toBeGreaterThan(0)
      expect(policies[0]!.value).toContain("frame-ancestors 'self'")
      expect(policies[0]!.value).toContain("object-src 'none'")
      // Next.js's client runtime ran: it announces itself once the inline bootstrap and the
      // chunks it loads have executed.
      await page.waitForFunction(() => typeof (window as { next?: { version?: string } }).next?.version === 'string')
    }
  })
}

test('a nonce is new on every response of a page rendered per request', async ({ request }) => {
  const nonces = new Set<string>()
  for (let i = 0; i < 3; i++) {
    const policy = (await request.get('/en/search?q=x')).headers()['content-security-policy'] ?? ''
    nonces.add(scriptSources(policy).find((s) => s.startsWith("'nonce-")) ?? '')
  }
  expect([...nonces].filter(Boolean)).toHaveLength(3)
})

test('a script slipped into a public page does not run', async ({ page }) => {
  await page.goto(`/en/stories/${story.slug}`)
  await page.goto(`/en/stories/${story.slug}`) // the cached copy
  await page
    .addScriptTag({ content: 'window.__slippedIn = true' })
    .catch(() => undefined /* refused: what this test wants */)
  await page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'javascript:window.__slippedIn=true'
    document.body.append(link)
    link.click()
  })
  expect(await page.evaluate(() => (window as { __slippedIn?: boolean }).__slippedIn)).toBeUndefined()
  // Both attempts were refused, and said so.
  await expect.poll(() => takeRefusals().length).toBeGreaterThan(0)
})

test('other sites may not frame the site or the admin', async ({ request }) => {
  const site = (await request.get(`/en/stories/${story.slug}`)).headers()['content-security-policy']
  expect(site).toContain("frame-ancestors 'self'")
  const admin = (await request.get('/admin/login')).headers()['content-security-policy']
  expect(admin).toContain("frame-ancestors 'none'")
  expect(scriptSources(admin ?? '')).not.toContain("'unsafe-inline'")
  expect(scriptSources(admin ?? '').some((s) => s.startsWith("'nonce-"))).toBe(true)
})

const everywhere = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
}

for (const path of [
  '/en',
  '/en/search?q=x',
  '/admin/login',
  '/api/stories?limit=1',
  '/sitemap.xml',
  '/en/feed.xml',
  '/icon.svg',
]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const headers = (await request.get(path)).headers()
    for (const [name, value] of Object.entries(everywhere)) expect(headers[name], name).toBe(value)
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['x-powered-by']).toBeUndefined()
    // Served over plain http here: HSTS would pin a host that has no HTTPS.
    expect(headers['strict-transport-security']).toBeUndefined()
  })
}

test('no shared cache may keep a page without asking again, so a takedown reaches every reader', async ({
  request,
}) => {
  for (const path of ['/en', '/ru/stories', '/sitemap.xml', '/robots.txt']) {
    // The second request is answered from Voices' own cache, as a proxy in front would see it.
    await request.get(path)
    const cacheControl = (await request.get(path)).headers()['cache-control'] ?? ''
    expect(cacheControl, path).toBe('public, max-age=0, must-revalidate')
  }
  const html = await (await request.get('/en')).text()
  const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0]
  expect(script).toBeTruthy()
  expect((await request.get(script!)).headers()['cache-control']).toBe('public, max-age=31536000, immutable')
})

test('a visitor holding the preview key cannot make the server render a cached page again', async ({ request }) => {
  // The key is every staff member's draft-mode cookie; Next.js also takes it as its own order
  // to render a page afresh (server/internalHeaders.mjs).
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next/prerender-manifest.json'), 'utf8'))
  const key: string = manifest.preview.previewModeId
  expect(key).toMatch(/^[0-9a-f]{16,}$/)
  await request.get('/en/programs')
  for (const header of ['x-prerender-revalidate', 'x-prerender-revalidate-if-generated']) {
    const response = await request.get('/en/programs', { headers: { [header]: key } })
    expect(response.status(), header).toBe(200)
    expect(response.headers()['x-nextjs-cache'], header).toBe('HIT')
  }
})

test('API answers and uploaded files run nothing', async ({ request }) => {
  const api = (await request.get('/api/stories?limit=1')).headers()['content-security-policy']
  expect(api).toContain("default-src 'none'")
  expect(api).toContain('sandbox')
  const media = await request.get('/api/media?limit=1&depth=0&where[public][equals]=true')
  const { docs } = (await media.json()) as { docs: Array<{ url: string }> }
  expect(docs.length).toBeGreaterThan(0)
  const file = await request.get(docs[0]!.url)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-security-policy']).toContain("default-src 'none'")
  expect(file.headers()['x-content-type-options']).toBe('nosniff')
})

test('a signed-in browser session does not act for another site, and no other site may read the API', async ({
  request,
}) => {
  const { e2eAdmin } = await import('./settings')
  const login = await request.post('/api/users/login', { data: e2eAdmin })
  expect(login.status()).toBe(200)
  const cookie = login.headers()['set-cookie'] ?? ''
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Lax/i)
  // The session cookie is sent along (the request context keeps it): from the site's own origin
  // it is a session, from another origin Payload does not take it as one.
  const { e2eBaseUrl } = await import('./settings')
  const own = await request.get('/api/users/me', { headers: { Origin: e2eBaseUrl } })
  expect(((await own.json()) as { user: unknown }).user).not.toBeNull()
  const forged = await request.get('/api/users/me', { headers: { Origin: 'https://elsewhere.example' } })
  expect(((await forged.json()) as { user: unknown }).user).toBeNull()
  expect(forged.headers()['access-control-allow-origin']).toBeUndefined()
  const preflight = await request.fetch('/api/stories', {
    method: 'OPTIONS',
    headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'PATCH' },
  })
  expect(preflight.headers()['access-control-allow-origin']).toBeUndefined()
  await request.post('/api/users/logout', { headers: { Origin: e2eBaseUrl } })
})

test('GraphQL tells a visitor nothing of the schema: no introspection, no field suggestions', async ({ request }) => {
  const misspelt = await request.post('/api/graphql', { data: { query: '{ Participants { docs { legalNam } } }' } })
  const text = await misspelt.text()
  expect(text).toContain('Cannot query field')
  expect(text).not.toContain('Did you mean')
  expect(text).not.toContain('legalName')
  const introspection = await request.post('/api/graphql', { data: { query: '{ __schema { types { name } } }' } })
  expect(await introspection.text()).toContain('introspection is not allowed')
  const deep = `{ Stories { docs { ${'program { stories { docs { '.repeat(6)}id${' } } }'.repeat(6)} } } }`
  expect(await (await request.post('/api/graphql', { data: { query: deep } })).text()).toContain('levels deep')
})

test('search is kept by no cache at all: what someone searched for is hers alone', async ({ request }) => {
  for (const path of ['/en/search', '/ru/search?q=women', '/kk/search?q=women&page=9']) {
    await request.get(path)
    const again = await request.get(path)
    expect(again.headers()['cache-control'], path).toBe('private, no-store')
    expect(again.headers()['x-nextjs-cache'], path).not.toBe('HIT')
  }
})

test('a page rendered with a nonce for one request is never kept for the next reader', async ({ request }) => {
  // A made-up draft-mode cookie gets the request a nonce from the proxy; Next.js finds the cookie
  // invalid and renders a page it would keep.
  const path = `/kk/stories/not-here-${Date.now()}`
  const forged = await request.get(path, { headers: { cookie: '__prerender_bypass=made-up' } })
  expect(await forged.text()).toMatch(/\snonce="/)
  for (let i = 0; i < 2; i++) {
    const next = await request.get(path)
    expect(await next.text(), `reader ${i + 1}`).not.toMatch(/\snonce="/)
  }
})

test('a nonce a visitor sends in her own policy header is never put on a page', async ({ request }) => {
  // A page no one has asked for yet: Next.js would render it with the request's nonce and keep it.
  const path = `/en/stories/not-here-${Date.now()}`
  const sent = await request.get(path, { headers: { 'content-security-policy': "script-src 'nonce-Q2hvc2VuMQ'" } })
  expect(sent.status()).toBe(404)
  expect(await sent.text()).not.toContain('Q2hvc2VuMQ')
  expect(await (await request.get(path)).text()).not.toContain('Q2hvc2VuMQ')
})
