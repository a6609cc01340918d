import { type APIRequestContext, expect, request as requests, test } from './fixtures'

import { publishSignedOffStory } from './helpers'
import { storyBody } from './roles-helpers'
import sharp from 'sharp'
import { e2eAdmin, e2eBaseUrl } from './settings'

/**
 * Media are private until a published page uses them, on the production server: the file, its
 * sizes and its alt text reach visitors only while a published story shows the image and the
 * woman in it consents; Next's image optimizer never serves uploads at all, since it would keep
 * copies beyond that rule; and a withdrawal stops her photo at once.
 */

async function staff(): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await requests.newContext({ baseURL: e2eBaseUrl })
  const login = await api.post('/api/users/login', { data: e2eAdmin })
  expect(login.ok()).toBe(true)
  return { api, headers: { Authorization: `JWT ${(await login.json()).token}` } }
}

type Uploaded = { id: string; url: string; alt: string; sizes: Record<string, { url?: string | null }> }

/** A photo large enough for every generated size. */
async function photo(name: string) {
  const buffer = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#8a6a4a' } })
    .png()
    .toBuffer()
  return { name: `${name}.png`, mimeType: 'image/png', buffer }
}

async function upload(
  api: APIRequestContext,
  headers: Record<string, string>,
  alt: string,
  peopleShown: unknown[] = [],
): Promise<Uploaded> {
  const response = await api.post('/api/media', {
    headers,
    multipart: { file: await photo(alt.replace(/\W+/g, '-')), _payload: JSON.stringify({ alt, peopleShown }) },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()).doc
}

const optimizer = (url: string) => `/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`

test('an unused upload is closed to visitors and never passes through the image optimizer', async ({ request }) => {
  const { api, headers } = await staff()
  const marker = `unused-${Date.now().toString(36)}`
  const media = await upload(api, headers, `Unused ${marker}`)
  expect((await request.get(media.url)).status()).toBe(403)
  expect((await request.get(`/api/media/${media.id}`)).status()).toBe(404)
  expect(await (await request.get('/api/media?limit=100')).text()).not.toContain(marker)
  expect((await request.get(optimizer(media.url))).status()).toBeGreaterThanOrEqual(400)
  // Staff still see it, for the admin and previews.
  expect((await api.get(media.url, { headers })).status()).toBe(200)
})

test('her photo is served while a published story uses it, and stops the moment she withdraws', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const { api, headers } = await staff()
  const marker = `photo-${Date.now().toString(36)}`
  const consent = {
    status: 'written',
    scopes: ['name', 'photo'],
    givenAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
  const person = (
    await (await api.post('/api/participants', { headers, data: { publicName: `Saule ${marker}`, consent } })).json()
  ).doc
  const media = await upload(api, headers, `Portrait ${marker}`, [{ relationTo: 'participants', value: person.id }])
  expect((await request.get(media.url)).status()).toBe(403)

  const slug = `media-${marker}`
  const story = await publishSignedOffStory(api, headers, {
    title: `Photo story ${marker}`,
    slug,
    heroImage: media.id,
    body: storyBody(marker),
  })
  // Whatever happens below, the story leaves the site, so later specs see the demo content as seeded.
  try {
    for (const url of [media.url, media.sizes.card!.url!, media.sizes.hero!.url!]) {
      const response = await request.get(url)
      expect(response.status(), url).toBe(200)
      expect(response.headers()['cache-control']).toBe('no-cache')
    }
    expect(await (await request.get(`/api/media/${media.id}`)).text()).toContain(`Portrait ${marker}`)
    // Even a public image is never copied by the optimizer.
    expect((await request.get(optimizer(media.url))).status()).toBeGreaterThanOrEqual(400)

    await page.goto(`/en/stories/${slug}`)
    const hero = page.locator('.story__hero img')
    await expect(hero).toHaveAttribute('alt', `Portrait ${marker}`)
    // Straight from Payload's file route (absolute, with the server URL set), not the optimizer.
    expect(new URL((await hero.getAttribute('src'))!, page.url()).pathname).toMatch(/^\/api\/media\/file\//)
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

    const withdrawn = await api.patch(`/api/participants/${person.id}`, {
      headers,
      data: { consent: { ...consent, withdrawnAt: new Date().toISOString() } },
    })
    expect(withdrawn.ok(), await withdrawn.text()).toBe(true)
    // The very next request is refused: no cache, no optimizer copy, no waiting for a job.
    for (const url of [media.url, media.sizes.card!.url!, media.sizes.hero!.url!]) {
      expect((await request.get(url)).status(), url).toBe(403)
    }
    expect((await request.get(`/api/media/${media.id}`)).status()).toBe(404)
    expect((await request.get(`/en/stories/${slug}`)).status()).toBe(404)
  } finally {
    await api.delete(`/api/stories/${story.id}`, { headers })
  }
})
