import { expect, type Page } from '@playwright/test'

import { e2eAdmin } from './settings'

export async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(e2eAdmin.email)
  await page.locator('#field-password').fill(e2eAdmin.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}
