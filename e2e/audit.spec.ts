import { type APIRequestContext, expect, test } from './fixtures'

import { editor } from './helpers'
import { privateValue } from './logs'
import { e2eAdmin } from './settings'
import { pngFile } from './roles-helpers'

/**
 * The audit log on the production build: a consent-evidence download and list and GraphQL reads
 * of private fields each leave one entry naming who, the documents and the fields; visitors and
 * staff without the right are refused the file; no entry holds a value.
 */

type Entry = { user: string | { email?: string }; action: string; documents: string[]; fields: string[] }

async function entries(api: APIRequestContext, headers: Record<string, string>, id: string): Promise<Entry[]> {
  const response = await api.get(`/api/audit-log?where[documents][contains]=${id}&sort=at&limit=100&depth=1`, {
    headers,
  })
  expect(response.status()).toBe(200)
  return ((await response.json()) as { docs: Entry[] }).docs
}

const shape = (entry: Entry) => ({
  user: typeof entry.user === 'object' ? entry.user.email : entry.user,
  action: entry.action,
  documents: entry.documents,
  fields: entry.fields,
})

test('evidence downloads and reads of private fields are audited, without their values', async ({ request }) => {
  const { api, token } = await editor()
  const headers = { Authorization: `JWT ${token}` }
  const marker = `a${Date.now().toString(36)}`
  const legalName = privateValue('participants.legalName', `Legal ${marker}`)
  const uploaded = await api.post('/api/consent-evidence', {
    headers,
    multipart: {
      file: await pngFile(`form-${marker}`),
      _payload: JSON.stringify({ note: privateValue('consent-evidence.note', `Note ${marker}`) }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const evidence = (await uploaded.json()).doc as { id: string; filename: string }
  const created = await api.post('/api/participants', { headers, data: { publicName: `Aigerim ${marker}`, legalName } })
  expect(created.status(), await created.text()).toBe(201)
  const personId = (await created.json()).doc.id as string
  try {
    const file = `/api/consent-evidence/file/${evidence.filename}`
    // Visitors (the test's own client is anonymous) are refused, and leave no entry.
    expect((await request.get(file)).status()).toBe(403)
    const before = (await entries(api, headers, evidence.id)).length

    const download = await api.get(file, { headers })
    expect(download.status()).toBe(200)
    expect((await download.body()).equals((await pngFile('x')).buffer)).toBe(true)
    const afterDownload = await entries(api, headers, evidence.id)
    expect(afterDownload.slice(before).map(shape)).toEqual([
      { user: e2eAdmin.email, action: 'read', documents: [evidence.id], fields: ['file'] },
    ])

    const listed = await entries(api, headers, personId)
    const list = await api.get(`/api/participants?where[id][equals]=${personId}&depth=0`, { headers })
    expect(list.status()).toBe(200)
    const query = `{ Participants(where: { id: { equals: "${personId}" } }) { docs { legalName } } }`
    const graphql = await api.post('/api/graphql', { headers, data: { query } })
    expect(((await graphql.json()) as { data: { Participants: { docs: unknown[] } } }).data.Participants.docs).toEqual([
      { legalName },
    ])
    const read = { user: e2eAdmin.email, action: 'read', documents: [personId], fields: ['legalName', 'consent'] }
    expect((await entries(api, headers, personId)).slice(listed.length).map(shape)).toEqual([read, read])

    const log = await api.get(
      `/api/audit-log?limit=1000&depth=0&where[documentCollection][in]=participants,consent-evidence`,
      {
        headers,
      },
    )
    const text = await log.text()
    expect(text).not.toContain(legalName)
    expect(text).not.toContain(`Note ${marker}`)
  } finally {
    await api.delete(`/api/participants/${personId}`, { headers })
    await api.delete(`/api/consent-evidence/${evidence.id}`, { headers })
    await api.dispose()
  }
})
