import { expect, request as requests, test } from './fixtures'

import { logInAsAdmin } from './helpers'
import { e2eAdmin, e2eBaseUrl } from './settings'

/**
 * The publishing gate holds on every way in: REST, GraphQL and the admin UI. A story featuring
 * someone without consent is refused with her public name and what is missing, and nothing is
 * published.
 */
const marker = `g${Date.now().toString(36)}`
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
        children: [{ type: 'text', text: 'Her story.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
}

let participantId = ''
let headers: Record<string, string> = {}

test.beforeAll(async () => {
  const staff = await requests.newContext({ baseURL: e2eBaseUrl })
  const login = await staff.post('/api/users/login', { data: e2eAdmin })
  headers = { Authorization: `JWT ${(await login.json()).token}` }
  const person = await staff.post('/api/participants', { headers, data: { publicName: `Kamila ${marker}` } })
  expect(person.ok(), await person.text()).toBe(true)
  participantId = (await person.json()).doc.id
  await staff.dispose()
})

test('REST refuses to publish, naming her and what is missing', async ({ request }) => {
  const response = await request.post('/api/stories?locale=en', {
    headers,
    data: {
      title: `Gate REST ${marker}`,
      slug: `gate-rest-${marker}`,
      body,
      _status: 'published',
      featuredParticipants: [participantId],
    },
  })
  expect(response.status()).toBe(400)
  expect(await response.text()).toContain(`Kamila ${marker}: no consent is recorded`)
  const check = await request.get(`/api/stories?where[slug][equals]=gate-rest-${marker}&draft=true`, { headers })
  expect((await check.json()).totalDocs).toBe(0)
})

test('GraphQL refuses to publish too', async ({ request }) => {
  const query = 'mutation ($data: mutationStoryInput!) { createStory(data: $data) { id } }'
  const data = {
    title: `Gate GraphQL ${marker}`,
    slug: `gate-graphql-${marker}`,
    body,
    _status: 'published',
    featuredParticipants: [participantId],
  }
  const response = await request.post('/api/graphql', { headers, data: { query, variables: { data } } })
  const text = await response.text()
  expect(JSON.parse(text).data?.createStory ?? null).toBeNull()
  // Refused by the gate: the field it names is the one that features her.
  expect(text).toMatch(/featuredParticipants|no consent is recorded/)
  const check = await request.get(`/api/stories?where[slug][equals]=gate-graphql-${marker}&draft=true`, { headers })
  expect((await check.json()).totalDocs).toBe(0)
})

test('the admin UI refuses to publish and shows why', async ({ page }) => {
  // Save a draft that features her, then try to publish it from the admin.
  const draft = await page.request.post('/api/stories?locale=en&draft=true', {
    headers,
    data: {
      title: `Gate admin ${marker}`,
      slug: `gate-admin-${marker}`,
      body,
      _status: 'draft',
      featuredParticipants: [participantId],
    },
  })
  expect(draft.ok(), await draft.text()).toBe(true)
  const id = (await draft.json()).doc.id
  await logInAsAdmin(page)
  await page.goto(`/admin/collections/stories/${id}`)
  await page
    .getByRole('button', { name: /^publish/i })
    .first()
    .click()
  await expect(page.getByText(`Kamila ${marker}: no consent is recorded`).first()).toBeVisible()
  const check = await page.request.get(`/api/stories/${id}`, { headers })
  expect((await check.json())._status).toBe('draft')
})
