import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, type Browser, expect, type Page, request as requests, test } from './fixtures'

import { logInAs, logInAsAdmin } from './helpers'
import { Cleanup, logInAsAdminApi, runMarker, storyBody, validConsent, type Headers } from './roles-helpers'
import { e2eBaseUrl } from './settings'

/**
 * Who a story mentions, in the real admin: each mention's chip shows her current public name
 * (a leader called Kalampar reads "Kalampar", and her new name once she is renamed), muted with
 * the reason when the site will not name her; contributors see the name only. Typing `@` and part
 * of a name inserts a mention; the version comparison names her too. axe finds nothing serious on
 * the story's edit page.
 */
const marker = runMarker('mention')
const cleanup = new Cleanup()
let api: APIRequestContext
let admin: Headers
let leaderId: string
let unnamedId: string
let storyId: string
const unnamed = `Dana ${marker}`
const contributor = {
  email: `contributor-${marker}@mentions.example.org`,
  password: `contributor password ${marker}`,
}

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const mention = (id: string, collection: 'leaders' | 'participants', key: string) => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: key, blockName: '', blockType: 'personMention', person: { relationTo: collection, value: id } },
})

async function created(path: string, data: Record<string, unknown>): Promise<string> {
  const response = await api.post(path, { headers: admin, data })
  expect(response.ok(), await response.text()).toBe(true)
  return String((await response.json()).doc.id)
}

test.beforeAll(async () => {
  api = await requests.newContext({ baseURL: e2eBaseUrl })
  admin = await logInAsAdminApi()
  leaderId = await created('/api/leaders?locale=en', { publicName: 'Kalampar', consent: validConsent() })
  cleanup.add('leaders', leaderId)
  unnamedId = await created('/api/participants?locale=en', { publicName: unnamed })
  cleanup.add('participants', unnamedId)
  cleanup.add(
    'users',
    await created('/api/users', { ...contributor, name: `Contributor ${marker}`, role: 'contributor' }),
  )
  // One paragraph whose words run between two mentions.
  const body = storyBody('')
  const paragraph = body.root.children[0] as { children: unknown[] }
  paragraph.children = [
    mention(leaderId, 'leaders', 'mention-leader'),
    text(' leads the Tuesday group; '),
    mention(unnamedId, 'participants', 'mention-unnamed'),
    text(' helped.'),
  ]
  storyId = await created('/api/stories?locale=en', {
    title: `Mentions ${marker}`,
    slug: `mentions-${marker.toLowerCase()}`,
    body,
    _status: 'draft',
  })
  cleanup.add('stories', storyId)
})

test.afterAll(async () => {
  await cleanup.run(api, admin)
  await api.dispose()
})

const editPage = () => `/admin/collections/stories/${storyId}`
const editor = (page: Page) => page.locator('.rich-text-lexical [contenteditable="true"]').first()
const chip = (page: Page, name: string) => editor(page).locator('.voices-mention', { hasText: name })

async function openAs(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logInAs(page, credentials)
  await page.goto(editPage())
  return page
}

/** The story's latest draft, as saved. */
async function latestBody(): Promise<string> {
  const response = await api.get(`/api/stories/${storyId}?draft=true&depth=0&locale=en`, { headers: admin })
  expect(response.ok()).toBe(true)
  return JSON.stringify((await response.json()).body)
}

test('a mention reads her public name, muted with the reason when the site will not name her', async ({ page }) => {
  await logInAsAdmin(page)
  await page.goto(editPage())
  const named = chip(page, 'Kalampar')
  await expect(named).toHaveText('Kalampar')
  await expect(named).not.toHaveClass(/voices-mention--muted/)
  await expect(named).toHaveAttribute('title', 'Leader. The site shows her by this public name.')

  const muted = chip(page, unnamed)
  await expect(muted).toHaveClass(/voices-mention--muted/)
  await expect(muted).toHaveAttribute('title', 'Participant. The site will not name her: no consent is recorded.')
  // No mention is left reading "Person".
  await expect(
    editor(page).locator('.LexicalEditorTheme__inlineBlock__container', { hasText: /^Person$/ }),
  ).toHaveCount(0)
})

test('a contributor sees public names only, nothing about anyone’s consent', async ({ browser }) => {
  const page = await openAs(browser, contributor)
  await expect(chip(page, 'Kalampar')).toHaveAttribute('title', 'Leader')
  const plain = chip(page, unnamed)
  await expect(plain).toHaveAttribute('title', 'Participant')
  await expect(plain).toHaveAttribute('data-naming', 'untold')
  await expect(plain).not.toHaveClass(/voices-mention--muted/)
  await page.context().close()
})

test('typing @ and part of a name inserts a mention of her', async ({ page }) => {
  await logInAsAdmin(page)
  await page.goto(editPage())
  await expect(chip(page, 'Kalampar')).toHaveCount(1)
  const field = editor(page)
  await field.locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Thanks to @kalam')
  const option = page.getByRole('option', { name: /Kalampar/ })
  await expect(option).toBeVisible()
  await expect(option).toContainText('Leader')
  await page.keyboard.press('Enter')
  await expect(chip(page, 'Kalampar')).toHaveCount(2)
  await expect(field).not.toContainText('@kalam')
  // Autosave stores it as a person mention pointing at her, never as her name in the text.
  await expect
    .poll(async () => (await latestBody()).split(`"value":"${leaderId}"`).length - 1, { timeout: 30_000 })
    .toBe(2)
  expect(await latestBody()).toContain('Thanks to ')
})

test('after she is renamed, the chip and the version comparison show her new name', async ({ page }) => {
  const renamed = await api.patch(`/api/leaders/${leaderId}?locale=en`, {
    headers: admin,
    data: { publicName: `Kalampar ${marker}` },
  })
  expect(renamed.ok(), await renamed.text()).toBe(true)
  await logInAsAdmin(page)
  await page.goto(editPage())
  await expect(chip(page, 'Kalampar').first()).toHaveText(`Kalampar ${marker}`)

  const versions = await api.get(
    `/api/stories/versions?where[parent][equals]=${storyId}&sort=-updatedAt&limit=1&depth=0`,
    { headers: admin },
  )
  expect(versions.ok(), await versions.text()).toBe(true)
  const [latest] = (await versions.json()).docs as Array<{ id: string }>
  await page.goto(`${editPage()}/versions/${latest!.id}`)
  const diff = page.locator('.lexical-diff').first()
  await expect(diff.getByRole('link', { name: `Kalampar ${marker}` }).first()).toHaveAttribute(
    'href',
    new RegExp(`/admin/collections/leaders/${leaderId}$`),
  )
  await expect(diff).toContainText(unnamed)
  await expect(diff).not.toContainText('InlineBlock')
})

/** Serious and critical axe findings (WCAG 2.2 AA) within these parts of the page. */
async function seriousViolations(page: Page, parts: string[]): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include(parts)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('axe finds nothing serious in the story body, its mention chips and the @ menu', async ({ page }) => {
  await logInAsAdmin(page)
  await page.goto(editPage())
  await expect(chip(page, unnamed)).toBeVisible()
  await expect(editor(page)).toHaveAccessibleName('Story')
  // Every chip's buttons have names; Payload gives them only a hover tooltip.
  const chips = await editor(page).locator('.voices-mention').count()
  expect(chips).toBeGreaterThan(1)
  await expect(page.getByRole('button', { name: 'Change who is mentioned' })).toHaveCount(chips)
  await expect(page.getByRole('button', { name: 'Remove this mention' })).toHaveCount(chips)
  expect(await seriousViolations(page, ['.rich-text-lexical'])).toEqual([])

  await editor(page).locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' @Dan')
  await expect(page.getByRole('option', { name: new RegExp(unnamed) })).toBeVisible()
  expect(await seriousViolations(page, ['.rich-text-lexical', '#typeahead-menu'])).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('option', { name: new RegExp(unnamed) })).toHaveCount(0)
})
