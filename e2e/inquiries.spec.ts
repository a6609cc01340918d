import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Locator, type Page, request as requests, test } from './fixtures'
import fs from 'node:fs'
import path from 'node:path'

import { linkIn, mailTo, readOutbox } from '../tests/helpers/outbox'
import { logInAs } from './helpers'
import { logInAsAdminApi, runMarker, type Headers } from './roles-helpers'
import { e2eBaseUrl, e2eDataDir } from './settings'
import { seedStory, storyIdBySlug, t } from './site-helpers'

/**
 * A supporter writes to the organisation and signs up for updates, as she would in Chromium: on
 * the Russian Get involved page, with JavaScript and without. Bad input is answered field by
 * field in Russian and stores nothing; good input is stored, e-mailed (the server has no SMTP,
 * so mail lands in its outbox folder) and listed for an editor; the sixth quick submission is
 * refused. The signup is confirmed through the link in its mail and undone by the one-click POST
 * a mail program sends.
 */
const outbox = path.join(e2eDataDir, 'outbox')
const ru = t('ru')
const story = seedStory('boundaries-are-not-walls')

let api: APIRequestContext
let admin: Headers
const marker = runMarker('inq')

test.beforeAll(async () => {
  api = await requests.newContext({ baseURL: e2eBaseUrl })
  admin = await logInAsAdminApi()
})

test.afterAll(async () => {
  await api.dispose()
})

// Every test is a client of its own (as the proxy-vouched address would say), so one test's
// submissions never count against another's rate limit, also when a retry or a new worker runs it.
test.beforeEach(async ({ context }) => {
  const group = () => Math.floor(Math.random() * 0xffff).toString(16)
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `2001:db8::${group()}:${group()}:${group()}` })
})

async function inquiriesFrom(email: string): Promise<Array<Record<string, unknown>>> {
  const query = `where[email][equals]=${encodeURIComponent(email)}&depth=0&limit=50`
  const response = await api.get(`/api/inquiries?${query}`, { headers: admin })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()).docs
}

const writeToUs = (page: Page) => page.locator('#write-to-us form')

async function fillInquiry(
  form: Locator,
  values: { name: string; email: string; interest?: string; message: string; consent: boolean },
): Promise<void> {
  await form.getByLabel(ru.inquiry.name).fill(values.name)
  await form.getByLabel(ru.inquiry.email).fill(values.email)
  if (values.interest) await form.getByRole('radio', { name: values.interest }).check()
  await form.getByLabel(ru.inquiry.message).fill(values.message)
  const consent = form.getByRole('checkbox', { name: new RegExp(ru.inquiry.consent.slice(0, 20)) })
  if (values.consent) await consent.check()
  else await consent.uncheck()
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([])
}

/** Bad input, then good input, on /ru/get-involved; the same steps with and without JavaScript. */
async function writeBadThenGood(page: Page, email: string, name: string, { axe }: { axe: boolean }): Promise<void> {
  await page.goto(`/ru/get-involved?from=story:${story.slug}`)
  const form = writeToUs(page)
  await fillInquiry(form, {
    name,
    email: 'не-адрес',
    message: 'Ссылки: https://a.example https://b.example https://c.example',
    consent: false,
  })
  await form.getByRole('button', { name: ru.inquiry.submit }).click()

  const errors = [
    ru.formErrors.emailInvalid,
    ru.formErrors.interestRequired,
    ru.formErrors.tooManyLinks,
    ru.formErrors.consentRequired,
  ]
  const summary = writeToUs(page).getByRole('alert')
  await expect(summary).toContainText(ru.formErrors.summary)
  for (const error of errors) {
    await expect(summary.getByRole('link', { name: error })).toBeVisible()
    await expect(writeToUs(page).locator('.field__error', { hasText: error })).toBeVisible()
  }
  await expect(writeToUs(page).getByLabel(ru.inquiry.email)).toHaveAttribute('aria-invalid', 'true')
  // What she typed is still there, and nothing was stored.
  await expect(writeToUs(page).getByLabel(ru.inquiry.name)).toHaveValue(name)
  await expect(writeToUs(page).getByLabel(ru.inquiry.email)).toHaveValue('не-адрес')
  expect(await inquiriesFrom(email)).toEqual([])
  // axe runs in the page, so only where the page runs scripts; the markup is the same without.
  if (axe) await expectNoAxeViolations(page, 'the form with its errors')

  await fillInquiry(writeToUs(page), {
    name,
    email,
    interest: ru.inquiry.volunteer,
    message: 'Хочу помогать по субботам. https://example.org',
    consent: true,
  })
  await writeToUs(page).getByRole('button', { name: ru.inquiry.submit }).click()
  await expect(page.getByRole('status')).toContainText(ru.inquiry.sentTitle)
  expect(new URL(page.url()).search, 'nothing personal in the URL').toBe(`?from=story:${story.slug}`)

  const [stored, ...more] = await inquiriesFrom(email)
  expect(more).toEqual([])
  expect(stored).toMatchObject({
    name,
    email,
    interest: 'volunteer',
    locale: 'ru',
    status: 'new',
    consentToContact: true,
    story: await storyIdBySlug(api, story.slug),
  })
  await expect
    .poll(() => readOutbox(outbox).filter((mail) => mail.text.includes(`E-mail: ${email}`)).length, {
      message: 'the notification in the outbox',
    })
    .toBe(1)
}

test.describe('write to us, with JavaScript', () => {
  test('bad input is answered in Russian and stored nowhere; good input is stored, mailed and listed for an editor', async ({
    page,
  }) => {
    const email = `js-${marker}@example.org`
    const name = `Айгерим ${marker}`
    await writeBadThenGood(page, email, name, { axe: true })
    await expectNoAxeViolations(page, 'the thank-you')

    const editorLogin = { email: `editor-${marker}@roles.example.org`, password: `editor password ${marker}` }
    const created = await api.post('/api/users', { headers: admin, data: { ...editorLogin, role: 'editor' } })
    expect(created.ok(), await created.text()).toBe(true)
    await logInAs(page, editorLogin)
    await page.goto('/admin/collections/inquiries')
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export CSV' }).click()
    const csv = await (await download).path()
    expect(fs.readFileSync(csv, 'utf8')).toContain(`,${email},`)
    await api.delete(`/api/users/${(await created.json()).doc.id}`, { headers: admin })
  })

  test('the sixth quick submission from one client is refused, and stores nothing', async ({ page }) => {
    const email = `quick-${marker}@example.org`
    for (let i = 1; i <= 6; i++) {
      await page.goto('/ru/get-involved')
      await fillInquiry(writeToUs(page), {
        name: `Быстрая ${i}`,
        email,
        interest: ru.inquiry.question,
        message: `Вопрос номер ${i}`,
        consent: true,
      })
      await writeToUs(page).getByRole('button', { name: ru.inquiry.submit }).click()
      if (i < 6) await expect(page.getByRole('status')).toContainText(ru.inquiry.sentTitle)
    }
    const refusal = writeToUs(page).getByRole('alert')
    await expect(refusal).toContainText(ru.formErrors.tooMany(10))
    await expect(writeToUs(page).getByLabel(ru.inquiry.message)).toHaveValue('Вопрос номер 6')
    expect(await inquiriesFrom(email)).toHaveLength(5)
  })
})

test.describe('write to us, without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form posts, answers in Russian with what was typed, then stores and mails the good input', async ({
    page,
  }) => {
    await writeBadThenGood(page, `nojs-${marker}@example.org`, `Гульнара ${marker}`, { axe: false })
  })

  test('stay updated: a plain POST signs up', async ({ page }) => {
    const email = `nojs-reader-${marker}@example.org`
    await page.goto('/ru/get-involved')
    const form = page.locator('#stay-updated form')
    await form.getByLabel(ru.updates.email).fill(email)
    await form.getByRole('button', { name: ru.updates.submit }).click()
    await expect(page.getByRole('status')).toContainText(ru.updates.sentTitle)
    await expect.poll(() => mailTo(outbox, email).length).toBe(1)
  })
})

test.describe('stay updated', () => {
  test('signup, the confirmation link from the outbox, confirmed, then unsubscribed by one-click POST', async ({
    page,
    request,
  }) => {
    const email = `reader-${marker}@example.org`
    await page.goto(`/en/get-involved?from=story:${story.slug}`)
    const form = page.locator('#stay-updated form')
    await form.getByLabel(t('en').updates.email).fill(email)
    await form.getByLabel(t('en').updates.language).selectOption('ru')
    await form.getByRole('button', { name: t('en').updates.submit }).click()
    await expect(page.getByRole('status')).toContainText(t('en').updates.sentTitle)

    await expect.poll(() => mailTo(outbox, email).length, { message: 'the confirmation mail' }).toBe(1)
    const [mail] = mailTo(outbox, email)
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
    const oneClick = mail!.headers['list-unsubscribe']!.replace(/^<|>$/g, '')
    expect(oneClick).toMatch(new RegExp(`^${e2eBaseUrl}/api/subscribers/unsubscribe\\?token=`))
    const confirm = linkIn(mail!, `${e2eBaseUrl}/ru/updates/confirm?token=`)
    expect(confirm, 'the confirmation link, absolute, in the chosen language').toBeTruthy()

    const subscriber = async () => {
      const response = await api.get(`/api/subscribers?where[email][equals]=${encodeURIComponent(email)}&depth=0`, {
        headers: admin,
      })
      return ((await response.json()).docs as Array<Record<string, unknown>>)[0]
    }
    expect(await subscriber()).toMatchObject({
      status: 'pending',
      locale: 'ru',
      story: await storyIdBySlug(api, story.slug),
    })

    await page.goto(confirm!)
    await expect(page.getByRole('heading', { level: 1, name: ru.updates.confirmTitle })).toBeVisible()
    await expectNoAxeViolations(page, 'the confirmation page')
    // Opening the link confirms nothing; the button does.
    expect((await subscriber())?.status).toBe('pending')
    await page.getByRole('button', { name: ru.updates.confirmButton }).click()
    await expect(page.getByRole('heading', { level: 1, name: ru.updates.confirmedTitle })).toBeVisible()
    expect((await subscriber())?.status).toBe('confirmed')

    const response = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } })
    expect(response.status(), await response.text()).toBe(200)
    expect((await subscriber())?.status).toBe('unsubscribed')
    await page.goto(confirm!)
    await expect(page.getByRole('heading', { level: 1, name: ru.updates.invalidTitle })).toBeVisible()
  })
})
