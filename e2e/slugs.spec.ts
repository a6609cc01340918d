import { createClient } from '@libsql/client'
import { expect, type Page, test } from './fixtures'
import path from 'node:path'

import { autosaved, editor, logInAsAdmin, publishSignedOffStory } from './helpers'
import { storyBody } from './roles-helpers'
import { e2eDataDir } from './settings'

/**
 * Slugs in the real admin: two stories with one title both save, each with its own slug; a slug
 * someone types that another story holds is refused in words; a published story's old URL
 * redirects in the browser, until the story is no longer public; and opening "Create new" and
 * leaving leaves nothing behind.
 */

const marker = Date.now().toString(36)
const uuid = /\/admin\/collections\/stories\/([0-9a-f-]{36})/

/** Writes and publishes a story in the admin, as publish.spec.ts does; returns its ID and slug. */
async function writeAndPublish(page: Page, title: string, sentence: string): Promise<{ id: string; slug: string }> {
  await page.goto('/admin/collections/stories/create')
  await expect(page).toHaveURL(uuid)
  await page.locator('#field-title').fill(title)
  const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await body.click()
  await body.pressSequentially(sentence)
  await autosaved(page, sentence)
  await page.locator('#action-save').click()
  await expect(page.getByRole('listitem').filter({ hasText: /Status:\s*Published/ })).toBeVisible()
  const id = uuid.exec(page.url())![1]!
  const slug = page.locator('#field-slug')
  await expect(slug).not.toHaveValue('')
  return { id, slug: await slug.inputValue() }
}

test('two stories with one title both save in the admin, each with its own slug', async ({ page, request }) => {
  test.setTimeout(3 * 60_000)
  const title = `Same title ${marker}`
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  await logInAsAdmin(page)
  const first = await writeAndPublish(page, title, 'The first story with this title.')
  const second = await writeAndPublish(page, title, 'The second story with this title.')
  expect([first.slug, second.slug]).toEqual([base, `${base}-2`])
  for (const { slug } of [first, second]) {
    expect((await request.get(`/en/stories/${slug}`)).status()).toBe(200)
  }

  // Typing the first one's slug into the second is refused in words, and nothing changes.
  await page.locator('#field-slug-lock').click()
  await page.locator('#field-slug').fill(base)
  await page.locator('#action-save').click()
  await expect(page.locator('.payload-toast-container')).toContainText(
    `The slug “${base}” is already used by the story “${title}”. Choose another.`,
  )
  await page.reload()
  await expect(page.locator('#field-slug')).toHaveValue(`${base}-2`)
})

test('the old URL of a renamed published story redirects in the browser, until it is taken down', async ({
  page,
  request,
}) => {
  const { api, token } = await editor()
  const headers = { Authorization: `JWT ${token}` }
  const title = `Renamed in the admin ${marker}`
  const story = await publishSignedOffStory(api, headers, {
    title,
    body: storyBody('A story about to move.'),
  })
  const old = story.slug
  const renamed = `${old}-moved`
  // A visitor reads it under the old slug first, so the page is cached there.
  expect((await request.get(`/en/stories/${old}`)).status()).toBe(200)

  await logInAsAdmin(page)
  await page.goto(`/admin/collections/stories/${story.id}`)
  await page.locator('#field-slug-lock').click()
  await page.locator('#field-slug').fill(renamed)
  await page.locator('#action-save').click()
  await expect(page.locator('.payload-toast-container')).toContainText(/published|updated|saved/i)

  for (const locale of ['en', 'ru', 'kk']) {
    const response = await request.get(`/${locale}/stories/${old}`, { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    // Next.js repeats the header on the render that fills its cache (the same value twice).
    const locations = new Set(response.headers().location!.split(', '))
    expect(locations).toEqual(new Set([`/${locale}/stories/${renamed}`]))
  }
  await page.goto(`/ru/stories/${old}`)
  await expect(page).toHaveURL(new RegExp(`/ru/stories/${renamed}$`))
  await page.goto(`/en/stories/${old}`)
  await expect(page).toHaveURL(new RegExp(`/en/stories/${renamed}$`))
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // Unpublished, it is nobody's destination: both URLs answer 404.
  const unpublished = await api.patch(`/api/stories/${story.id}`, { headers, data: { _status: 'draft' } })
  expect(unpublished.ok(), await unpublished.text()).toBe(true)
  expect((await request.get(`/en/stories/${old}`, { maxRedirects: 0 })).status()).toBe(404)
  expect((await request.get(`/en/stories/${renamed}`, { maxRedirects: 0 })).status()).toBe(404)
})

test('opening "Create new" and leaving leaves nothing behind', async ({ page }) => {
  test.setTimeout(2 * 60_000)
  const { api, token } = await editor()
  const headers = { Authorization: `JWT ${token}` }
  await logInAsAdmin(page)

  // Payload saves an empty draft the moment the page opens, so that autosave has one to save to.
  await page.goto('/admin/collections/stories/create')
  await expect(page).toHaveURL(uuid)
  const left = uuid.exec(page.url())![1]!
  await page.goto('/admin/collections/stories')

  // And a draft someone typed a title into, for contrast.
  await page.goto('/admin/collections/stories/create')
  await expect(page).toHaveURL(uuid)
  const typed = uuid.exec(page.url())![1]!
  await page.locator('#field-title').fill(`Only a title ${marker}`)
  const exists = async (id: string) => {
    const response = await api.get(`/api/stories?draft=true&depth=0&where[id][equals]=${id}`, { headers })
    return ((await response.json()) as { totalDocs: number }).totalDocs === 1
  }
  const title = async (id: string) =>
    ((await (await api.get(`/api/stories/${id}?draft=true&depth=0`, { headers })).json()) as { title?: string }).title
  await expect.poll(() => title(typed)).toBe(`Only a title ${marker}`)
  await page.goto('/admin/collections/stories')

  // As if the hour after which nobody can still be looking at the empty one had passed, for both.
  const db = createClient({ url: `file:${path.join(e2eDataDir, 'voices.db')}` })
  try {
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString()
    await db.execute({ sql: 'UPDATE stories SET created_at = ? WHERE id IN (?, ?)', args: [hoursAgo, left, typed] })
  } finally {
    db.close()
  }

  // The clean-up job (every five seconds on this server) removes the empty one, and only it.
  await expect.poll(() => exists(left), { timeout: 60_000 }).toBe(false)
  expect(await exists(typed)).toBe(true)
  // The admin, asked for it, says it is not there.
  await page.goto(`/admin/collections/stories/${left}`)
  await expect(page).toHaveURL(new RegExp(`/admin/collections/stories\\?notFound=${left}`))
})
