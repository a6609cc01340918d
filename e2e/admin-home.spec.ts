import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test } from './fixtures'

import { logInAs } from './helpers'
import { privateValue } from './logs'
import { setUpRoleFixtures, type StaffMember, storyBody, validConsent } from './roles-helpers'
import { e2eBaseUrl } from './settings'

/**
 * The admin home in Payload's look: a card per list with its count and a link to the list it
 * summarises, filtered the same way; each role sees only its own lists and nothing her role may
 * not read; no serious accessibility problem in the light or the dark theme.
 */
const fixtures = setUpRoleFixtures('home')
const { cleanup } = fixtures
let staff: typeof fixtures.staff
let marker = ''
const legalName = () => privateValue('participants.legalName', `Legal Name ${marker}`)

test.beforeAll(async () => {
  ;({ staff, marker } = fixtures)
  const person = await fixtures.api.post('/api/participants', {
    headers: fixtures.admin,
    data: { publicName: `Home ${marker}`, legalName: legalName(), consent: validConsent() },
  })
  expect(person.ok(), await person.text()).toBe(true)
  const personId = (await person.json()).doc.id
  cleanup.add('participants', personId)
  // Two stories the contributor submits for review, both about the participant.
  for (const n of [1, 2]) {
    const story = await fixtures.api.post('/api/stories?draft=true&locale=en', {
      headers: staff.contributor.headers,
      data: {
        title: `Home story ${n} ${marker}`,
        body: storyBody(`Words ${n} ${marker}.`),
        featuredParticipants: [personId],
        reviewStatus: 'inReview',
      },
    })
    expect(story.ok(), await story.text()).toBe(true)
    cleanup.add('stories', (await story.json()).doc.id)
  }
})

async function homeOf(browser: Browser, member: StaffMember, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, colorScheme: theme })
  const page = await context.newPage()
  await logInAs(page, member)
  await context.addCookies([{ name: 'payload-theme', value: theme, url: e2eBaseUrl }])
  await page.goto('/admin')
  return page
}

/** Rows on the list page the card's link opens (one page of up to ten is enough here). */
async function rowsBehind(page: Page, cardId: string): Promise<number> {
  await page
    .getByTestId(cardId)
    .getByRole('link', { name: /Open the list/ })
    .click()
  await expect(page).toHaveURL(/\/admin\/collections\/stories\?/)
  await expect(page.locator('table tbody tr').first()).toBeVisible()
  return page.locator('table tbody tr').count()
}

test('each card counts its stories and opens the list filtered the same way', async ({ browser }) => {
  const page = await homeOf(browser, staff.editor)
  for (const card of ['awaiting-review', 'awaiting-sign-off']) {
    const count = Number(await page.getByTestId(`${card}-count`).textContent())
    expect(count).toBeGreaterThanOrEqual(2)
    await expect(page.getByTestId(card).getByRole('link', { name: `Home story 2 ${marker}` })).toBeVisible()
    if (count <= 10) expect(await rowsBehind(page, card)).toBe(count)
    await expect(page.locator('table')).toContainText(`Home story 1 ${marker}`)
    await page.goto('/admin')
  }
  await page.context().close()
})

test('a contributor sees her drafts only, and nothing about anyone’s consent', async ({ browser }) => {
  const page = await homeOf(browser, staff.contributor)
  await expect(page.getByTestId('my-drafts-count')).toHaveText('2')
  await expect(page.getByTestId('my-drafts').getByRole('link', { name: `Home story 1 ${marker}` })).toBeVisible()
  for (const hidden of ['awaiting-review', 'awaiting-sign-off', 'waiting-for-consent', 'consents-ending']) {
    await expect(page.getByTestId(hidden)).toHaveCount(0)
  }
  await expect(page.getByTestId('stories-that-move-people')).toHaveCount(0)
  expect(await page.content()).not.toContain(legalName())
  expect(await rowsBehind(page, 'my-drafts')).toBe(2)
  await page.context().close()
})

for (const theme of ['light', 'dark'] as const) {
  test(`the admin home has no serious accessibility problem (${theme} theme)`, async ({ browser }) => {
    const page = await homeOf(browser, staff.editor, theme)
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await expect(page.getByTestId('awaiting-review')).toBeVisible()
    const results = await new AxeBuilder({ page }).include('.voices-dashboard').analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await page.context().close()
  })
}
