import { expect, request as requests, test } from './fixtures'

import { logInAsAdmin } from './helpers'
import { privateValue } from './logs'
import { e2eAdmin, e2eBaseUrl } from './settings'

test('safeguarding erases a participant’s private data from her admin page', async ({ page }) => {
  const staff = await requests.newContext({ baseURL: e2eBaseUrl })
  const login = await staff.post('/api/users/login', { data: e2eAdmin })
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const marker = `e${Date.now().toString(36)}`
  const created = await staff.post('/api/participants', {
    headers,
    data: {
      publicName: `Sholpan ${marker}`,
      legalName: privateValue('participants.legalName', `Legal ${marker}`),
      notes: privateValue('participants.notes', `Notes ${marker}`),
    },
  })
  const id = (await created.json()).doc.id

  await logInAsAdmin(page)
  await page.goto(`/admin/collections/participants/${id}`)
  page.once('dialog', (dialog) => dialog.accept())
  await page.getByRole('button', { name: 'Erase private data' }).click()
  await expect
    .poll(async () => (await (await staff.get(`/api/participants/${id}`, { headers })).json()).erasedAt ?? null)
    .not.toBeNull()
  const after = await (await staff.get(`/api/participants/${id}`, { headers })).json()
  expect(after.legalName ?? null).toBeNull()
  expect(after.notes ?? null).toBeNull()
  expect(after.publicName).toBe(`Sholpan ${marker}`)
  const audit = await (
    await staff.get(`/api/audit-log?where[document][equals]=${id}&where[action][equals]=erase`, { headers })
  ).json()
  expect(audit.totalDocs).toBe(1)
  await staff.dispose()
})
