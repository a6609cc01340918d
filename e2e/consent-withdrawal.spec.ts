import { expect, request as requests, test } from './fixtures'

import { publishSignedOffStory } from './helpers'
import { privateValue } from './logs'
import { e2eAdmin, e2eBaseUrl } from './settings'

/**
 * Withdrawal takes effect at once: within seconds of safeguarding recording it, the story about
 * her is gone from every public route in every locale.
 */
test('a story about a participant who withdraws consent disappears from every public route', async ({ request }) => {
  test.setTimeout(120_000)
  // Staff act through their own client; `request` stays an anonymous visitor throughout.
  const staff = await requests.newContext({ baseURL: e2eBaseUrl })
  const login = await staff.post('/api/users/login', { data: e2eAdmin })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const marker = `w${Date.now().toString(36)}`
  const consent = {
    status: 'written',
    scopes: ['name'],
    givenAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
  const person = await (
    await staff.post('/api/participants', { headers, data: { publicName: `Madina ${marker}`, consent } })
  ).json()
  const slug = `withdrawal-${marker}`
  const title = `Withdrawal test ${marker}`
  await publishSignedOffStory(staff, headers, {
    title,
    slug,
    featuredParticipants: [person.doc.id],
    body: {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          {
            type: 'paragraph',
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', text: `Words ${marker}.`, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
            ],
          },
        ],
      },
    },
  })

  // Search looks in the reader's language; this story is written in English only.
  const routes = (locale: string) => [
    `/${locale}/stories`,
    `/${locale}`,
    `/${locale}/feed.xml`,
    ...(locale === 'en' ? [`/en/search?q=${marker}`] : []),
  ]
  // Visit everything first, so the public pages are cached with the story in them.
  for (const locale of ['en', 'ru', 'kk']) {
    expect((await request.get(`/${locale}/stories/${slug}`)).status()).toBe(200)
    for (const path of routes(locale)) expect(await (await request.get(path)).text(), path).toContain(title)
  }
  expect(await (await request.get('/sitemap.xml')).text()).toContain(slug)
  // Another story's page links to hers as the next story: a page about someone else that showed
  // her story must go at once too, not only the lists.
  const previousLink = /<a [^>]*rel="prev"[^>]*>/.exec(await (await request.get(`/en/stories/${slug}`)).text())?.[0]
  const neighbour = /href="\/en\/stories\/([^"]+)"/.exec(previousLink ?? '')?.[1]
  expect(neighbour, 'the story published before hers').toBeTruthy()
  const neighbourPages = ['en', 'ru', 'kk'].map((locale) => `/${locale}/stories/${neighbour}`)
  for (const path of neighbourPages) expect(await (await request.get(path)).text(), path).toContain(`/stories/${slug}"`)

  const withdrawn = await staff.patch(`/api/participants/${person.doc.id}`, {
    headers,
    data: {
      consent: {
        ...consent,
        withdrawnAt: new Date().toISOString(),
        withdrawalReason: privateValue('participants.consent', 'She asked us to'),
      },
    },
  })
  expect(withdrawn.ok(), await withdrawn.text()).toBe(true)

  for (const locale of ['en', 'ru', 'kk']) {
    expect((await request.get(`/${locale}/stories/${slug}`)).status()).toBe(404)
    for (const path of routes(locale)) expect(await (await request.get(path)).text(), path).not.toContain(title)
  }
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(slug)
  for (const path of neighbourPages) {
    const html = await (await request.get(path)).text()
    expect(html, path).not.toContain(`/stories/${slug}"`)
    expect(html, path).not.toContain(title)
  }
  const api = await (await request.get(`/api/stories?where[slug][equals]=${slug}`)).json()
  expect(api.totalDocs).toBe(0)
  await staff.dispose()
})
