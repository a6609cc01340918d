import { expect, test } from './fixtures'

import { leaders, participants } from '../seed/content/people'

/**
 * Anonymous requests against the running production server. The seeded people have
 * distinctive private names and notes; none may appear in any response.
 */
const privateValues = [...participants.flatMap((p) => [p.legalName, p.notes]), ...leaders.map((l) => l.realName)]

function expectNoPrivateValues(body: string) {
  for (const value of privateValues) expect(body, `leaked: ${value}`).not.toContain(value)
}

test('the seeded people and stories are there, so the checks below are not vacuous', async ({ request }) => {
  const stories = await (await request.get('/api/stories?limit=100&depth=0')).json()
  expect(stories.totalDocs).toBeGreaterThanOrEqual(8)
  const leaderList = await (await request.get('/api/leaders?limit=100')).json()
  expect(leaderList.docs.map((l: { publicName: string }) => l.publicName)).toEqual(
    expect.arrayContaining(leaders.map((l) => l.publicName.en)),
  )
})

test('GET /api/participants returns no participant data', async ({ request }) => {
  const response = await request.get('/api/participants?depth=3')
  expect(response.status()).toBe(403)
  const body = await response.text()
  expect(body).not.toContain('"docs"')
  expectNoPrivateValues(body)
  for (const { publicName } of participants) expect(body).not.toContain(publicName.en)
})

test('a GraphQL query for participants returns no participant data', async ({ request }) => {
  const response = await request.post('/api/graphql', {
    data: { query: '{ Participants(limit: 100) { docs { id publicName legalName notes } } }' },
  })
  const json = await response.json()
  expect(json.data?.Participants ?? null).toBeNull()
  expect(json.errors?.[0]?.message).toMatch(/not allowed/i)
  expectNoPrivateValues(JSON.stringify(json))
})

test('GraphQL refuses private fields on leaders, and cannot filter on them', async ({ request }) => {
  const read = await request.post('/api/graphql', { data: { query: '{ Leaders { docs { publicName realName } } }' } })
  const readJson = await read.json()
  expect(readJson.data.Leaders.docs.length).toBe(leaders.length)
  for (const leader of readJson.data.Leaders.docs) expect(leader.realName).toBeNull()
  expectNoPrivateValues(JSON.stringify(readJson))

  const oracle = await request.post('/api/graphql', {
    data: { query: `{ Leaders(where: { realName: { like: "${leaders[0]!.realName.slice(0, 6)}" } }) { totalDocs } }` },
  })
  const json = await oracle.json()
  expect(json.data?.Leaders?.totalDocs ?? null).toBeNull()
})

test('stories, leaders, programs and drafts carry no private values at any depth', async ({ request }) => {
  for (const path of [
    '/api/stories?depth=10&limit=100',
    '/api/stories?depth=10&limit=100&draft=true',
    '/api/leaders?depth=10&limit=100',
    '/api/programs?depth=10&limit=100&draft=true',
    '/api/media?depth=10&limit=100',
  ]) {
    const response = await request.get(path)
    expect(response.ok(), path).toBe(true)
    expectNoPrivateValues(await response.text())
  }
})

test('staff accounts and story versions are closed to anonymous visitors', async ({ request }) => {
  expect((await request.get('/api/users')).status()).toBe(403)
  expect((await request.get('/api/stories/versions')).status()).toBe(403)
})

test('public pages carry no private values', async ({ request }) => {
  const stories = await (await request.get('/api/stories?limit=100&depth=0')).json()
  const paths = ['en', 'ru', 'kk'].flatMap((locale) => [
    `/${locale}`,
    `/${locale}/stories`,
    `/${locale}/programs`,
    `/${locale}/feed.xml`,
    ...stories.docs.map((s: { slug: string }) => `/${locale}/stories/${s.slug}`),
  ])
  for (const path of ['/sitemap.xml', ...paths]) {
    const response = await request.get(path)
    expect(response.ok(), path).toBe(true)
    expectNoPrivateValues(await response.text())
  }
})
