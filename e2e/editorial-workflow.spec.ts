import { type Browser, expect, type Page, test } from './fixtures'

import { logInAs, pickerText } from './helpers'
import { type Headers, type StaffMember, storyBody, setUpRoleFixtures, validConsent } from './roles-helpers'
import { e2eBaseUrl } from './settings'

/**
 * The editorial workflow in the admin, one person at a time: a contributor writes a story about
 * a participant and submits it; the editor cannot publish it before safeguarding signs it off;
 * safeguarding signs it off; the editor schedules it and it goes live on its own. Then, through
 * REST: any edit to what a signed-off story says clears the sign-off again.
 */
const fixtures = setUpRoleFixtures('wf')
const { cleanup } = fixtures
let api: typeof fixtures.api
let admin: Headers
let staff: typeof fixtures.staff
let marker = ''
let participants: string[] = []

test.beforeAll(async () => {
  ;({ api, admin, staff, marker } = fixtures)
  participants = []
  for (const name of ['Aigerim', 'Dana']) {
    const response = await api.post('/api/participants', {
      headers: admin,
      data: { publicName: `${name} ${marker}`, consent: validConsent() },
    })
    expect(response.ok(), await response.text()).toBe(true)
    participants.push((await response.json()).doc.id)
    cleanup.add('participants', participants.at(-1)!)
  }
})

/** A page of its own for one member of staff, logged in to the admin. */
async function adminPageFor(browser: Browser, member: StaffMember): Promise<Page> {
  const context = await browser.newContext({ baseURL: e2eBaseUrl, timezoneId: 'UTC' })
  const page = await context.newPage()
  await logInAs(page, member)
  return page
}

type StoryState = {
  _status?: string
  title?: string
  reviewStatus?: string
  featuredParticipants?: string[]
  signOff?: { signedOffAt?: string | null }
}

async function latest(id: string): Promise<StoryState> {
  return (await api.get(`/api/stories/${id}?draft=true&depth=0&locale=en`, { headers: admin })).json()
}

async function publicStatus(path: string): Promise<number> {
  return (await api.get(path)).status()
}

test('a story goes from a contributor’s draft, through sign-off, to scheduled publication', async ({ browser }) => {
  test.setTimeout(8 * 60_000)
  const title = `Market day ${marker}`
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const sentence = `She sold her first scarves at the Sunday market ${marker}.`
  const storyPath = `/en/stories/${slug}`

  // The contributor writes the story, features the participant and submits it for review.
  const contributor = await adminPageFor(browser, staff.contributor)
  await contributor.goto('/admin/collections/stories/create')
  await contributor.locator('#field-title').fill(title)
  const editor = contributor.locator('.rich-text-lexical [contenteditable="true"]').first()
  await editor.click()
  await editor.pressSequentially(sentence)
  await contributor.locator('#field-featuredParticipants').click()
  await contributor.keyboard.type(`Aigerim ${marker}`)
  await contributor.getByRole('option', { name: `Aigerim ${marker}` }).click()
  await contributor.locator('#field-reviewStatus').click()
  await contributor.getByRole('option', { name: 'In review', exact: true }).click()
  await expect(contributor).toHaveURL(/\/admin\/collections\/stories\/[0-9a-f-]{36}/)
  const id = contributor.url().match(/stories\/([0-9a-f-]{36})/)![1]!
  cleanup.add('stories', id)
  // Autosave writes the draft as she types; wait until all of it has been saved.
  await expect
    .poll(
      async () => {
        const story = await latest(id)
        return {
          title: story.title,
          reviewStatus: story.reviewStatus,
          featuredParticipants: story.featuredParticipants,
          status: story._status,
        }
      },
      { timeout: 30_000 },
    )
    .toEqual({ title, reviewStatus: 'inReview', featuredParticipants: [participants[0]], status: 'draft' })
  expect(JSON.stringify(await latest(id))).toContain(sentence)
  // Contributors can neither publish nor schedule.
  await expect(contributor.locator('#action-save')).toHaveCount(0)
  await expect(contributor.locator('#schedule-publish')).toHaveCount(0)
  await contributor.context().close()

  // The editor cannot publish it: safeguarding has not signed it off.
  const editorPage = await adminPageFor(browser, staff.editor)
  await editorPage.goto(`/admin/collections/stories/${id}`)
  await editorPage.locator('#action-save').click()
  // The error toast names the missing sign-off (the sidebar says so too, so look in the toast).
  await expect(editorPage.locator('.payload-toast-container').getByText(/must sign off this version/)).toBeVisible()
  // The sidebar said so before she pressed Publish.
  await expect(editorPage.getByTestId('publish-checks')).toContainText(/signed off/)
  expect((await latest(id))._status).toBe('draft')
  expect(await publicStatus(`/api/stories/${id}`)).toBe(404)
  expect(await publicStatus(storyPath)).toBe(404)

  // Safeguarding signs it off from the sidebar.
  const safeguarding = await adminPageFor(browser, staff.safeguarding)
  await safeguarding.goto(`/admin/collections/stories/${id}`)
  await expect(safeguarding.getByTestId('sign-off-status')).toContainText('Not signed off')
  await safeguarding.getByRole('button', { name: 'Sign off', exact: true }).click()
  await expect(safeguarding.getByText(`Signed off by ${staff.safeguarding.name}`)).toBeVisible()
  expect((await latest(id)).signOff?.signedOffAt).toBeTruthy()
  await safeguarding.context().close()

  // The editor schedules it for the first whole minute at least half a minute away (the picker
  // takes minutes): time enough to check it is not live before then.
  await editorPage.reload()
  await expect(editorPage.getByText(`Signed off by ${staff.safeguarding.name}`)).toBeVisible()
  await expect(editorPage.getByTestId('publish-checks')).toContainText('consent and sign-off are in place')
  // The publish button's dropdown holds "Schedule publish".
  await editorPage.locator('#action-save-popup .popup-button').click()
  await editorPage.locator('#schedule-publish').click()
  const drawer = editorPage.locator('.schedule-publish')
  await expect(drawer).toBeVisible()
  // The drawer may open on "Unpublish" for a story that was never published.
  await drawer.locator('.radio-input__label', { hasText: /^Publish$/ }).click()
  await expect(drawer.locator('input[type="radio"]').first()).toBeChecked()
  const at = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000)
  const time = drawer.locator('#time input')
  await time.fill(pickerText(at))
  await time.press('Enter')
  await drawer.locator('#scheduled-publish-save').click()
  await expect(editorPage.getByText(/scheduled successfully/i).first()).toBeVisible()
  // The drawer lists it among the upcoming events.
  await expect(drawer.locator('table tbody tr')).toHaveCount(1)
  await editorPage.context().close()

  // Not before its time...
  expect(await publicStatus(`/api/stories/${id}`)).toBe(404)
  expect(await publicStatus(storyPath)).toBe(404)
  expect(await (await api.get('/en/stories')).text()).not.toContain(title)

  // ...and then on its own, once the jobs queue has run it: first in the API, then on the site,
  // whose pages (the 404 above included) must not be served stale.
  await expect.poll(() => publicStatus(`/api/stories/${id}`), { timeout: 4 * 60_000, intervals: [5_000] }).toBe(200)
  await expect.poll(() => publicStatus(storyPath), { timeout: 2 * 60_000, intervals: [5_000] }).toBe(200)
  expect(await (await api.get(storyPath)).text()).toContain(sentence)
  await expect.poll(async () => (await api.get('/en/stories')).text(), { timeout: 30_000 }).toContain(title)
})

test('any change to what a signed-off story says or who it features clears the sign-off', async () => {
  const { headers } = staff.editor
  const created = await api.post('/api/stories?draft=true&locale=en', {
    headers,
    data: {
      title: `Sign-off reset ${marker}`,
      body: storyBody(`First words ${marker}.`),
      featuredParticipants: [participants[0]],
      _status: 'draft',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = (await created.json()).doc.id
  cleanup.add('stories', id)

  const publish = () => api.patch(`/api/stories/${id}?locale=en`, { headers, data: { _status: 'published' } })
  const signOff = async () => {
    const response = await api.post(`/api/stories/${id}/sign-off`, { headers: staff.safeguarding.headers })
    expect(response.status(), await response.text()).toBe(200)
    expect((await latest(id)).signOff?.signedOffAt).toBeTruthy()
  }
  const expectRefused = async (why: string) => {
    const response = await publish()
    expect(response.status(), why).toBe(400)
    expect(await response.text(), why).toMatch(/signed off/i)
    expect(await publicStatus(`/api/stories/${id}`), why).toBe(404)
  }

  await expectRefused('never signed off')

  for (const [what, query, data] of [
    ['the English body', '?draft=true&locale=en', { body: storyBody(`Changed words ${marker}.`) }],
    [
      'the Russian body',
      '?draft=true&locale=ru',
      { title: `Подпись ${marker}`, body: storyBody(`Новые слова ${marker}.`) },
    ],
    ['the featured participants', '?draft=true&locale=en', { featuredParticipants: participants }],
  ] as const) {
    await signOff()
    const edited = await api.patch(`/api/stories/${id}${query}`, { headers, data })
    expect(edited.status(), await edited.text()).toBe(200)
    expect((await latest(id)).signOff?.signedOffAt ?? null, `after editing ${what}`).toBeNull()
    await expectRefused(`after editing ${what}`)
  }

  // Signed off as it stands, it goes live.
  await signOff()
  const published = await publish()
  expect(published.status(), await published.text()).toBe(200)
  expect(await publicStatus(`/api/stories/${id}`)).toBe(200)
})
