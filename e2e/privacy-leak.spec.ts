import { expect, type APIRequestContext, request as requests, test } from './fixtures'
import exifr from 'exifr'

import { leaders, participants } from '../seed/content/people'
import { publishSignedOffStory } from './helpers'
import { privateValue } from './logs'
import { e2eAdmin, e2eBaseUrl } from './settings'

/**
 * The leak test. People with distinctive private values are created and featured in published
 * stories; then every public route in every locale (HTML and the React Server Components
 * payload), every REST and GraphQL read an anonymous visitor can make, search, feeds, the
 * sitemap and the uploaded images' metadata are crawled, and none may contain a private value.
 */
const locales = ['en', 'ru', 'kk']
const marker = `Qx${Date.now().toString(36)}`
const secret = {
  legalName: privateValue('participants.legalName', `Legal ${marker} Kassymova`),
  notes: privateValue('participants.notes', `Note ${marker}: never publish her address`),
  realName: privateValue('leaders.realName', `Real ${marker} Omarova`),
  withdrawalReason: privateValue('leaders.consent', `Reason ${marker}`),
}
const privateValues = [
  ...Object.values(secret),
  ...participants.flatMap((p) => [p.legalName, p.notes]),
  ...leaders.map((l) => l.realName),
]
// Every participant's ID joins them before the crawl: an ID would link all of her stories, under
// any public name she has had (privacy/references).
let herId = ''

function expectClean(body: string, where: string) {
  for (const value of privateValues) expect(body.includes(value), `${where} leaked "${value}"`).toBe(false)
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/users/login', { data: e2eAdmin })
  expect(response.ok()).toBe(true)
  return (await response.json()).token
}

let storySlug = ''

test.beforeAll(async () => {
  // Staff act through their own client; every test's `request` is an anonymous visitor.
  const request = await requests.newContext({ baseURL: e2eBaseUrl })
  const token = await adminToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const consent = {
    status: 'written',
    scopes: ['name'],
    givenAt: '2025-01-01T00:00:00.000Z',
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
  const participant = await request.post('/api/participants', {
    headers,
    data: { publicName: `Aruzhan ${marker}`, legalName: secret.legalName, notes: secret.notes, consent },
  })
  expect(participant.ok(), await participant.text()).toBe(true)
  const leader = await request.post('/api/leaders', {
    headers,
    data: {
      publicName: `Gaukhar ${marker}`,
      realName: secret.realName,
      consent: { ...consent, withdrawalReason: secret.withdrawalReason },
    },
  })
  expect(leader.ok(), await leader.text()).toBe(true)
  const participantId = (await participant.json()).doc.id
  herId = participantId
  const everyone = await request.get('/api/participants?limit=1000&depth=0&select[publicName]=true', { headers })
  expect(everyone.ok()).toBe(true)
  privateValues.push(...((await everyone.json()).docs as Array<{ id: string }>).map((p) => p.id))
  const leaderId = (await leader.json()).doc.id
  storySlug = `leak-test-${marker.toLowerCase()}`
  const body = {
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
            {
              type: 'inlineBlock',
              version: 1,
              fields: {
                id: 'leak1',
                blockName: '',
                blockType: 'personMention',
                person: { relationTo: 'participants', value: participantId },
              },
            },
            { type: 'text', text: ' and ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
            {
              type: 'inlineBlock',
              version: 1,
              fields: {
                id: 'leak2',
                blockName: '',
                blockType: 'personMention',
                person: { relationTo: 'leaders', value: leaderId },
              },
            },
            { type: 'text', text: ' met every week.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          ],
        },
      ],
    },
  }
  await publishSignedOffStory(request, headers, {
    title: `Leak test ${marker}`,
    slug: storySlug,
    body,
    featuredParticipants: [participantId],
    featuredLeaders: [leaderId],
  })
  await request.dispose()
})

test('public pages in every locale, as HTML and as RSC payload, carry no private value', async ({ request }) => {
  test.setTimeout(180_000)
  const stories = await (await request.get('/api/stories?limit=200&depth=0')).json()
  const programs = await (await request.get('/api/programs?limit=200&depth=0')).json()
  const paths = locales.flatMap((locale) => [
    `/${locale}`,
    `/${locale}/stories`,
    `/${locale}/stories/page/2`,
    `/${locale}/programs`,
    `/${locale}/get-involved`,
    `/${locale}/feed.xml`,
    `/${locale}/search?q=${encodeURIComponent(marker)}`,
    `/${locale}/search?q=Aruzhan`,
    ...stories.docs.map((s: { slug: string }) => `/${locale}/stories/${s.slug}`),
    ...programs.docs.map((p: { slug: string }) => `/${locale}/programs/${p.slug}`),
  ])
  expect(paths).toContain(`/en/stories/${storySlug}`)
  const page = await request.get(`/en/stories/${storySlug}`)
  expect(await page.text()).toContain(`Aruzhan ${marker}`)
  for (const path of ['/sitemap.xml', '/robots.txt', ...paths]) {
    const html = await request.get(path)
    expectClean(await html.text(), path)
    const rsc = await request.get(path, { headers: { RSC: '1' } })
    expectClean(await rsc.text(), `${path} (RSC)`)
  }
})

test('every anonymous REST read, at any depth and with drafts, carries no private value', async ({ request }) => {
  test.setTimeout(120_000)
  const collections = [
    'stories',
    'programs',
    'leaders',
    'participants',
    'tags',
    'media',
    'users',
    'consent-evidence',
    'audit-log',
    'payload-jobs',
  ]
  for (const collection of collections) {
    for (const query of ['depth=0', 'depth=10', 'depth=10&draft=true', 'depth=10&locale=all']) {
      const list = await request.get(`/api/${collection}?limit=500&${query}`)
      const text = await list.text()
      expectClean(text, `/api/${collection}?${query}`)
      if (!list.ok()) continue
      for (const doc of (JSON.parse(text).docs ?? []) as Array<{ id: string }>) {
        const one = await request.get(`/api/${collection}/${doc.id}?${query}`)
        expectClean(await one.text(), `/api/${collection}/${doc.id}?${query}`)
      }
    }
  }
  for (const global of ['site-settings', 'navigation']) {
    expectClean(await (await request.get(`/api/globals/${global}?depth=10&locale=all`)).text(), global)
  }
  for (const closed of ['participants', 'users', 'consent-evidence', 'audit-log']) {
    expect((await request.get(`/api/${closed}`)).status(), closed).toBe(403)
  }
})

test('private fields cannot be used as a filter oracle through REST or GraphQL', async ({ request }) => {
  const probes = [
    `/api/leaders?where[realName][like]=${encodeURIComponent(secret.realName.slice(0, 8))}`,
    `/api/stories?where[featuredParticipants.legalName][like]=Legal`,
    `/api/media?where[peopleShown][exists]=true`,
    `/api/stories?where[featuredParticipants][contains]=${herId}`,
    `/api/stories?where[featuredParticipants][in][0]=${herId}`,
    `/api/stories?where[featuredParticipants][exists]=true`,
  ]
  for (const probe of probes) {
    const response = await request.get(probe)
    const text = await response.text()
    expectClean(text, probe)
    // Either refused outright, or answered as if the filter matched nothing an outsider may see.
    if (response.ok()) expect(JSON.parse(text).totalDocs, probe).toBe(0)
  }
  const queries = [
    `{ Leaders(where: { realName: { like: "${secret.realName.slice(0, 8)}" } }) { totalDocs docs { publicName } } }`,
    '{ Participants { docs { publicName legalName notes } } }',
    '{ Stories(limit: 200, draft: true) { docs { title featuredParticipants { publicName legalName notes } featuredLeaders { publicName realName } } } }',
    '{ Leaders { docs { publicName realName consent { status withdrawalReason } } } }',
  ]
  for (const query of queries) {
    const response = await request.post('/api/graphql', { data: { query } })
    const text = await response.text()
    expectClean(text, query)
    const json = JSON.parse(text)
    if (query.includes('realName: { like')) expect(json.data?.Leaders?.totalDocs ?? 0).toBe(0)
  }
})

test('uploaded images carry no location or personal metadata', async ({ request }) => {
  const media = await (await request.get('/api/media?limit=200&depth=0')).json()
  expect(media.docs.length).toBeGreaterThan(0)
  for (const doc of media.docs as Array<{
    url: string
    filename: string
    sizes: Record<string, { url?: string | null }>
  }>) {
    expect(doc.filename).toMatch(/^[0-9a-f-]{36}\.\w+$/)
    for (const url of [doc.url, ...Object.values(doc.sizes ?? {}).map((s) => s.url)].filter(Boolean) as string[]) {
      const file = Buffer.from(await (await request.get(url)).body())
      expect(await exifr.gps(file).catch(() => undefined), url).toBeFalsy()
      expectClean(file.toString('latin1'), url)
    }
  }
})
