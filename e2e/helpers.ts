import { expect, type Page } from '@playwright/test'

import { e2eAdmin } from './settings'

/** Logs in to the admin through its form (the demo admin unless told otherwise). */
export async function logInAs(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

export async function logInAsAdmin(page: Page): Promise<void> {
  await logInAs(page, e2eAdmin)
}
