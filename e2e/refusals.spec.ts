import { type Browser, expect, type Page, test } from './fixtures'

import { logInAs } from './helpers'
import { type Headers, setUpRoleFixtures, type StaffMember, storyBody } from './roles-helpers'
import { e2eBaseUrl } from './settings'

/**
 * A refusal tells staff why, in the admin's language: publishing a story about a participant who
 * has not agreed and that safeguarding has not signed off, and scheduling it. The schedule drawer
 * must show the refusal as one, and nothing is queued.
 */
const fixtures = setUpRoleFixtures('refused')
const { cleanup } = fixtures
let admin: Headers
let staff: typeof fixtures.staff
let marker = ''
let storyId = ''
let personName = ''

const words = {
  en: {
    consent: /no consent is recorded, so this story cannot be published/,
    signOff: /must sign it off before it can be published/,
    signOffLabel: /must sign off this version before it is published/,
    ready: 'Ready to publish?',
    publish: /^Publish$/,
    notScheduled: /^Not scheduled\./,
  },
  ru: {
    consent: /согласие не записано, поэтому историю нельзя опубликовать/,
    signOff: /до публикации её должна одобрить служба защиты/,
    signOffLabel: /эту версию должна одобрить служба защиты до публикации/,
    ready: 'Можно публиковать?',
    publish: /^Публиковать$/,
    notScheduled: /^Не запланировано\./,
  },
}

test.beforeAll(async () => {
  ;({ admin, staff, marker } = fixtures)
  personName = `Saule ${marker}`
  const person = await fixtures.api.post('/api/participants', { headers: admin, data: { publicName: personName } })
  expect(person.ok(), await person.text()).toBe(true)
  const personId = (await person.json()).doc.id
  cleanup.add('participants', personId)
  const story = await fixtures.api.post('/api/stories?draft=true&locale=en', {
    headers: staff.editor.headers,
    data: {
      title: `Refused ${marker}`,
      body: storyBody(`A story about her ${marker}.`),
      featuredParticipants: [personId],
      _status: 'draft',
    },
  })
  expect(story.ok(), await story.text()).toBe(true)
  storyId = (await story.json()).doc.id
  cleanup.add('stories', storyId)
})

async function adminPage(browser: Browser, member: StaffMember, language: 'en' | 'ru'): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, timezoneId: 'UTC' })
  const page = await context.newPage()
  await logInAs(page, member)
  // The admin's language, as Payload keeps it once staff choose it in their account.
  await context.addCookies([{ name: 'payload-lng', value: language, url: e2eBaseUrl }])
  return page
}

async function storyStatus(): Promise<string> {
  const response = await fixtures.api.get(`/api/stories/${storyId}?draft=true&depth=0`, { headers: admin })
  return (await response.json())._status
}

for (const language of ['en', 'ru'] as const) {
  const say = words[language]

  test(`a refused publish says why, in ${language}`, async ({ browser }) => {
    const page = await adminPage(browser, staff.editor, language)
    await page.goto(`/admin/collections/stories/${storyId}`)
    // Before anything is pressed, the sidebar gives both reasons.
    const checks = page.getByTestId('publish-checks')
    await expect(checks).toContainText(say.ready)
    await expect(checks.locator('li[data-code="noConsent"]')).toContainText(say.consent)
    await expect(checks.locator('li[data-code="noConsent"]')).toContainText(personName)
    await expect(checks.locator('li[data-code="signOffMissing"]')).toContainText(say.signOff)

    await page.locator('#action-save').click()
    // The toast names the sign-off; the field that features her says what is missing.
    await expect(page.locator('.payload-toast-container').getByText(say.signOffLabel)).toBeVisible()
    await expect(page.locator('.field-error', { hasText: say.consent })).toBeAttached()
    expect(await storyStatus()).toBe('draft')
    await page.context().close()
  })

  test(`a refused schedule is shown as refused and nothing is queued, in ${language}`, async ({ browser }) => {
    const page = await adminPage(browser, staff.editor, language)
    await page.goto(`/admin/collections/stories/${storyId}`)
    await page.locator('#action-save-popup .popup-button').click()
    await page.locator('#schedule-publish').click()
    const drawer = page.locator('.schedule-publish')
    await expect(drawer).toBeVisible()
    await drawer.locator('.radio-input__label', { hasText: say.publish }).click()
    // Any time will do, since the story cannot go live at any: the 15th of next month at the
    // first time offered, picked by clicking, as the picker reads typed dates in the admin's language.
    await drawer.locator('#time input').click()
    await page.locator('.react-datepicker__navigation--next').click()
    await page.locator('.react-datepicker__day:not(.react-datepicker__day--outside-month)', { hasText: /^15$/ }).click()
    await page
      .locator('.react-datepicker__time-list-item:not(.react-datepicker__time-list-item--disabled)')
      .first()
      .click()
    // Close the picker, which covers the drawer's button.
    await drawer.getByRole('heading').first().click()
    await expect(page.locator('.react-datepicker')).toHaveCount(0)
    await drawer.locator('#scheduled-publish-save').click()

    const toasts = page.locator('.payload-toast-container')
    const refusal = toasts.locator('.toast-error, [data-type="error"]').filter({ hasText: say.notScheduled })
    await expect(refusal).toBeVisible()
    await expect(refusal).toContainText(say.signOff)
    await expect(toasts.getByText(/scheduled successfully|успешно запланировано/i)).toHaveCount(0)
    // Nothing among the upcoming events, now or after a reload.
    await expect(drawer.locator('table tbody tr')).toHaveCount(0)
    await page.reload()
    await page.locator('#action-save-popup .popup-button').click()
    await page.locator('#schedule-publish').click()
    await expect(page.locator('.schedule-publish')).toBeVisible()
    await expect(page.locator('.schedule-publish table tbody tr')).toHaveCount(0)
    expect(await storyStatus()).toBe('draft')
    await page.context().close()
  })
}

test('over the production API, a refusal keeps its message and code, in the language asked for', async () => {
  for (const [language, message] of [
    ['en', 'Only editors approve stories. Set the review status to “In review” to submit it.'],
    ['ru', 'Одобряют истории только редакторы. Чтобы отправить её, выберите статус «На проверке».'],
  ] as const) {
    const response = await fixtures.api.post('/api/stories?draft=true', {
      headers: { ...staff.contributor.headers, 'Accept-Language': language },
      data: { title: `Approved by herself ${marker}`, body: storyBody('Text.'), reviewStatus: 'approved' },
    })
    expect(response.status()).toBe(403)
    const body = await response.json()
    expect(body.errors[0]).toMatchObject({ message, data: { code: 'onlyEditorsApprove' } })
  }
  const graphql = await fixtures.api.post('/api/graphql', {
    headers: staff.contributor.headers,
    data: {
      query: `mutation { createStory(draft: true, data: { title: "Published by herself ${marker}", slug: "herself-${marker}", body: ${JSON.stringify(JSON.stringify(storyBody('Text.')))}, _status: published }) { id } }`,
    },
  })
  const { errors } = await graphql.json()
  expect(errors[0]).toMatchObject({ extensions: { data: { code: 'contributorCannotPublish' } } })
  const found = await fixtures.api.get(
    `/api/stories?where[title][like]=${encodeURIComponent(marker)}&draft=true&depth=0`,
    {
      headers: admin,
    },
  )
  expect((await found.json()).docs.map((d: { title: string }) => d.title)).toEqual([`Refused ${marker}`])
})
