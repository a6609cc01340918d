import { expect, test } from './fixtures'

import { autosaved, logInAsAdmin } from './helpers'

test('a story created and published in the admin appears on the public site', async ({ page }) => {
  const title = `Tea, then talk ${Date.now()}`
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const sentence = 'Every meeting starts with the kettle and ends with a plan for the week.'

  await logInAsAdmin(page)
  await page.goto('/admin/collections/stories/create')
  await expect(page).toHaveURL(/\/admin\/collections\/stories\/[0-9a-f-]{36}/)
  await page.locator('#field-title').fill(title)
  const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await editor.click()
  await editor.pressSequentially(sentence)
  await autosaved(page, sentence)
  await page
    .getByRole('button', { name: /^publish/i })
    .first()
    .click()
  await expect(page).toHaveURL(/\/admin\/collections\/stories\/[0-9a-f-]{36}/)
  await expect(page.getByRole('listitem').filter({ hasText: /Status:\s*Published/ })).toBeVisible()

  await page.goto(`/en/stories/${slug}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText(sentence)).toBeVisible()

  await page.goto('/en')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
})
