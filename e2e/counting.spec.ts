import { type APIRequestContext, expect, type Page, type Response, test } from './fixtures'
import fs from 'node:fs'

import { calendarDay, defaultTimeZone } from '../lib/timeZone'
import { editor, logInAs, publishSignedOffStory } from './helpers'
import { Cleanup, runMarker, storyBody } from './roles-helpers'

/**
 * Measuring without tracking: a reader's view and her click on a story's call to action are
 * counted per story, language and day, the story page stays a cached static page, nothing
 * about her is kept, and editors see the totals in the admin.
 */

type StatsRow = Record<string, unknown> & { locale: string; views: number; clicks: number }

const cleanup = new Cleanup()
let api: APIRequestContext
let admin: Record<string, string>
const marker = runMarker('count')
const title = `Counted story ${marker}`
let story: { id: string; slug: string }
const staff = { email: `editor-${marker}@counting.example.org`, password: `editor password ${marker}` }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  const signedIn = await editor()
  api = signedIn.api
  admin = { Authorization: `JWT ${signedIn.token}` }
  story = await publishSignedOffStory(api, admin, {
    title,
    slug: '',
    body: storyBody('A story written to be counted.'),
  })
  cleanup.add('stories', story.id)
  const created = await api.post('/api/users', {
    headers: admin,
    data: { ...staff, name: 'Counting editor', role: 'editor' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  cleanup.add('users', (await created.json()).doc.id)
})

test.afterAll(async () => {
  await cleanup.run(api, admin)
})

async function statsRows(): Promise<StatsRow[]> {
  const response = await api.get(`/api/story-stats?where[story][equals]=${story.id}&depth=0&limit=100`, {
    headers: admin,
  })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { docs: StatsRow[] }).docs
}

/** Views and clicks per language, once the server has written its buffered counts. */
async function counts(): Promise<Record<string, { views: number; clicks: number }>> {
  return Object.fromEntries((await statsRows()).map((row) => [row.locale, { views: row.views, clicks: row.clicks }]))
}

const isBeacon = (response: Response) => new URL(response.url()).pathname === '/next/count'

async function openCounted(page: Page, path: string): Promise<Response> {
  const beacon = page.waitForResponse(isBeacon)
  await page.goto(path)
  return beacon
}

/** The page as a second visitor gets it: from Next's cache, with nothing personal about it. */
async function expectCached(request: APIRequestContext, path: string): Promise<void> {
  const response = await request.get(path)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-nextjs-cache'], `${path} from the cache`).toBe('HIT')
  expect(response.headers()['set-cookie']).toBeUndefined()
  expect(response.headers()['cache-control'] ?? '').not.toMatch(/private|no-store/)
}

test('a reader’s view and call-to-action click are counted, and the page stays cached', async ({
  page,
  context,
  request,
}) => {
  const en = `/en/stories/${story.slug}`
  const ru = `/ru/stories/${story.slug}`
  // The first request renders the page into the cache; every later one is served from it.
  for (const path of [en, ru]) expect((await request.get(path)).status()).toBe(200)
  await expectCached(request, en)

  const view = await openCounted(page, en)
  expect(view.status()).toBe(202)
  expect(await view.json()).toEqual({ counted: true })
  expect(await view.headerValue('set-cookie')).toBeNull()
  await expect.poll(counts).toEqual({ en: { views: 1, clicks: 0 } })

  expect((await openCounted(page, ru)).status()).toBe(202)
  await expect.poll(counts).toEqual({ en: { views: 1, clicks: 0 }, ru: { views: 1, clicks: 0 } })

  const click = page.waitForResponse(isBeacon)
  await page.locator('main a[data-cta]').first().click()
  await expect(page).toHaveURL(/\/ru\/get-involved/)
  expect((await click).status()).toBe(202)
  expect(await (await click).json()).toEqual({ counted: true })
  await expect.poll(counts).toEqual({ en: { views: 1, clicks: 0 }, ru: { views: 1, clicks: 1 } })

  // Counting set no cookie, and the pages are still the cached ones.
  expect(await context.cookies()).toEqual([])
  await expectCached(request, en)
  await expectCached(request, ru)
})

test('a crawler is not counted', async ({ browser }) => {
  const crawler = await browser.newContext({
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  })
  const page = await crawler.newPage()
  const beacon = await openCounted(page, `/en/stories/${story.slug}`)
  expect(await beacon.json()).toEqual({ counted: false, reason: 'bot' })
  await crawler.close()
  // Anything counted would be written within a few seconds; a later real view lands with it.
  const reader = await browser.newContext()
  expect((await openCounted(await reader.newPage(), `/kk/stories/${story.slug}`)).status()).toBe(202)
  await reader.close()
  await expect.poll(async () => (await counts()).kk).toEqual({ views: 1, clicks: 0 })
  expect((await counts()).en).toEqual({ views: 1, clicks: 0 })
})

test('no stored count holds an address, cookie or user agent: only story, language, day and totals', async () => {
  const rows = await statsRows()
  expect(rows.length).toBe(3)
  const today = calendarDay(new Date(), defaultTimeZone)
  for (const row of rows) {
    expect(Object.keys(row).sort()).toEqual(['clicks', 'day', 'id', 'locale', 'story', 'views'])
    expect(row.story).toBe(story.id)
    expect(row.day).toBe(today)
  }
  const stored = JSON.stringify(rows)
  for (const trace of ['127.0.0.1', 'Mozilla', 'Chrome', '__prerender_bypass', 'payload-token']) {
    expect(stored).not.toContain(trace)
  }
})

test('an editor sees the counts on the dashboard and the stories list, and downloads them as CSV', async ({ page }) => {
  await logInAs(page, staff)
  const panel = page.getByTestId('stories-that-move-people')
  await expect(panel.getByRole('heading', { name: 'Stories that move people' })).toBeVisible()
  const row = panel.getByRole('row', { name: new RegExp(title) })
  // Views, clicks, inquiries and sign-ups: this story has had no inquiry or sign-up.
  await expect(row.getByRole('cell')).toHaveText(['3', '1', '0', '0'])

  const download = page.waitForEvent('download')
  await panel.getByRole('link', { name: 'Download as CSV' }).click()
  const csv = fs.readFileSync((await (await download).path())!, 'utf8')
  expect(csv.split('\r\n')).toContain(`${title},${story.slug},3,1,0,0`)

  await page.goto('/admin/collections/stories')
  const headings = (await page.locator('thead th').allTextContents()).map((text) => text.trim())
  const views = headings.indexOf('Views (30 days)')
  const clicks = headings.indexOf('Clicks (30 days)')
  expect(views, headings.join(' | ')).toBeGreaterThan(-1)
  expect(clicks).toBeGreaterThan(-1)
  const storyRow = page.locator('tbody tr', { hasText: title })
  await expect(storyRow.locator('td').nth(views)).toHaveText('3')
  await expect(storyRow.locator('td').nth(clicks)).toHaveText('1')
})
