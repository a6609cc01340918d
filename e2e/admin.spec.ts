import { expect, test } from './fixtures'

import { logInAsAdmin } from './helpers'
import { e2eBaseUrl } from './settings'

test('the admin login page renders', async ({ page }) => {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await expect(page.locator('#field-email')).toBeVisible()
  await expect(page.locator('#field-password')).toBeVisible()
  await expect(page.getByRole('button', { name: /log ?in/i })).toBeVisible()
})

test('the demo admin logs in and sees the collections', async ({ page }) => {
  await logInAsAdmin(page)
  for (const name of ['Stories', 'Programs', 'Leaders', 'Participants', 'Media']) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible()
  }
})

test('a wrong password is refused', async ({ page }) => {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill('e2e-admin@example.org')
  await page.locator('#field-password').fill('not the password')
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page.getByText(/incorrect|invalid/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})

test('the dashboard lists consents that end within 30 days', async ({ page }) => {
  await logInAsAdmin(page)
  const ending = page.getByTestId('consents-ending')
  await expect(ending.getByRole('heading', { name: /Consents ending in the next 30 days/ })).toBeVisible()
  // The demo's Zarina is due to renew her consent in 20 days.
  await expect(ending.getByRole('link', { name: 'Zarina' })).toBeVisible()
  await expect(
    page.getByTestId('waiting-for-consent').getByRole('heading', { name: /Stories waiting for consent/ }),
  ).toBeVisible()
  // An admin also sees the editors' and safeguarding's lists.
  for (const list of ['awaiting-review', 'awaiting-sign-off', 'scheduled'])
    await expect(page.getByTestId(list)).toBeVisible()
})

test('the admin reads in Russian, Voices’ own labels and workflow included', async ({ page, context }) => {
  await logInAsAdmin(page)
  await context.addCookies([{ name: 'payload-lng', value: 'ru', url: e2eBaseUrl }])
  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: 'Ваши задачи' })).toBeVisible()
  await expect(page.getByTestId('consents-ending').getByRole('heading', { name: /Согласия, истекающие/ })).toBeVisible()
  await page.goto('/admin/collections/stories')
  const table = page.locator('table')
  await expect(table.getByText('Заголовок', { exact: true })).toBeVisible()
  await expect(table.getByText('Статус проверки', { exact: true })).toBeVisible()
  await table.locator('tbody tr').first().locator('a').first().click()
  await expect(page.getByRole('heading', { name: 'Одобрение службы защиты' })).toBeVisible()
  await expect(page.getByText('Участницы в истории', { exact: true })).toBeVisible()
})
