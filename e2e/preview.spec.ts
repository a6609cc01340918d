import { type APIRequestContext, type APIResponse, type BrowserContext, expect, type Page, test } from './fixtures'

import { participants } from '../seed/content/people'
import { editor, logInAsAdmin, previewSecret, previewUrl } from './helpers'
import { e2eBaseUrl } from './settings'
import { program, seedStory, storyIdBySlug, storyTitle, t } from './site-helpers'

/**
 * Live Preview and the draft-mode route: drafts show on the real public templates for signed-in
 * staff only, never for anyone else, and never through the shared cache.
 */

const story = seedStory('the-first-circle')
const storyPath = `/en/stories/${story.slug}`

function setsDraftCookie(response: APIResponse): boolean {
  return response
    .headersArray()
    .some(({ name, value }) => name.toLowerCase() === 'set-cookie' && value.includes('__prerender_bypass'))
}

async function hasDraftCookie(context: BrowserContext): Promise<boolean> {
  return (await context.cookies()).some((cookie) => cookie.name === '__prerender_bypass')
}

async function patchStory(
  api: APIRequestContext,
  token: string,
  id: string,
  data: Record<string, unknown>,
  draft: boolean,
) {
  const response = await api.patch(`/api/stories/${id}?locale=en${draft ? '&draft=true' : ''}`, {
    headers: { Authorization: `JWT ${token}` },
    data,
  })
  expect(response.status(), await response.text()).toBe(200)
}

/** Puts the story back exactly as the seed published it, with no pending draft. */
async function restoreStory(api: APIRequestContext, token: string, id: string): Promise<void> {
  await patchStory(api, token, id, { title: story.title.en, _status: 'published' }, false)
}

function heading(page: Page) {
  return page.getByRole('heading', { level: 1 })
}

test('the preview route refuses a wrong or missing secret, and visitors who are not signed in', async ({
  request,
  browser,
}) => {
  const id = await storyIdBySlug(request, story.slug)

  for (const url of [
    previewUrl({ id, secret: 'not-the-secret' }),
    previewUrl({ id }),
    previewUrl({ id, secret: '' }),
  ]) {
    const response = await request.get(url, { maxRedirects: 0 })
    expect(response.status(), url).toBe(401)
    expect(setsDraftCookie(response), url).toBe(false)
  }
  // The right secret is not enough without a staff session.
  const anonymous = await request.get(previewUrl({ id, secret: previewSecret }), { maxRedirects: 0 })
  expect(anonymous.status()).toBe(401)
  expect(setsDraftCookie(anonymous)).toBe(false)

  // Signed in: only stories and programs, only existing documents, only site locales.
  // A client that is not a browser signs in with its token: with the server URL set, the session
  // cookie alone counts only on requests a browser marks as coming from this site.
  const { api, token } = await editor()
  const signedIn = { Authorization: `JWT ${token}` }
  try {
    for (const [url, status] of [
      [previewUrl({ id, secret: previewSecret, collection: 'participants' }), 400],
      [previewUrl({ id, secret: previewSecret, locale: 'fr' }), 400],
      [previewUrl({ id: '00000000-0000-0000-0000-000000000000', secret: previewSecret }), 404],
    ] as const) {
      const response = await api.get(url, { maxRedirects: 0, headers: signedIn })
      expect(response.status(), url).toBe(status)
      expect(setsDraftCookie(response), url).toBe(false)
    }
    const ok = await api.get(previewUrl({ id, secret: previewSecret, locale: 'ru' }), {
      maxRedirects: 0,
      headers: signedIn,
    })
    expect(ok.status()).toBe(307)
    expect(ok.headers().location).toMatch(new RegExp(`^(${e2eBaseUrl})?/ru/stories/${story.slug}$`))
    expect(setsDraftCookie(ok)).toBe(true)
  } finally {
    await api.dispose()
  }

  // In a browser too: nothing switches an anonymous visitor into draft mode.
  const context = await browser.newContext()
  const page = await context.newPage()
  const response = await page.goto(previewUrl({ id, secret: previewSecret }))
  expect(response?.status()).toBe(401)
  expect(await hasDraftCookie(context)).toBe(false)
  await context.close()
})

test('a saved draft shows through the preview for staff, and never for visitors', async ({
  page,
  browser,
  request,
}) => {
  const id = await storyIdBySlug(request, story.slug)
  const draftTitle = `Draft title ${Date.now()}`
  const { api, token } = await editor()
  // A visitor's view before the draft exists, so the published page is in the cache.
  expect(await (await request.get(storyPath)).text()).toContain(`<h1>${story.title.en}</h1>`)

  try {
    await patchStory(api, token, id, { title: draftTitle }, true)

    await logInAsAdmin(page)
    await page.goto(previewUrl({ id, secret: previewSecret }))
    await expect(page).toHaveURL(new RegExp(`${storyPath}$`))
    await expect(heading(page)).toHaveText(draftTitle)
    await expect(page.getByRole('complementary', { name: t('en').previewBanner })).toContainText(
      t('en').previewingDraft,
    )
    expect(await hasDraftCookie(page.context())).toBe(true)

    // Visitors, before and after the preview was rendered, see the published story only.
    const visitor = await browser.newContext()
    const visitorPage = await visitor.newPage()
    await visitorPage.goto(storyPath)
    await expect(heading(visitorPage)).toHaveText(story.title.en)
    await expect(visitorPage.getByText(t('en').previewingDraft)).toHaveCount(0)
    await visitor.close()
    for (let i = 0; i < 2; i++) {
      const html = await (await request.get(storyPath)).text()
      expect(html).toContain(`<h1>${story.title.en}</h1>`)
      expect(html).not.toContain(draftTitle)
    }

    // Signed out, the draft-mode cookie alone shows nothing more than a visitor sees.
    const staffCookies = await page.context().cookies()
    await page.context().clearCookies({ name: 'payload-token' })
    await page.reload()
    await expect(heading(page)).toHaveText(story.title.en)
    await expect(page.getByText(t('en').previewingDraft)).toHaveCount(0)
    await page.context().addCookies(staffCookies)
    await page.reload()
    await expect(heading(page)).toHaveText(draftTitle)

    // Exiting draft mode returns to the published site.
    await page.getByRole('link', { name: t('en').exitPreview }).click()
    await expect(page).toHaveURL(/\/en$/)
    expect(await hasDraftCookie(page.context())).toBe(false)
    await page.goto(storyPath)
    await expect(heading(page)).toHaveText(story.title.en)
  } finally {
    await restoreStory(api, token, id)
    await api.dispose()
  }
  const html = await (await request.get(storyPath)).text()
  expect(html).toContain(`<h1>${story.title.en}</h1>`)
  expect(html).not.toContain(draftTitle)
})

test('a preview reads and shows people by their public names only', async ({ page, request }) => {
  // Dana is featured in this story and mentioned in its body; staff may read her legal name and
  // notes in the admin, but the public template must not receive them, even in a preview.
  const mentioned = seedStory('danas-kitchen-table')
  const dana = participants.find((person) => person.key === 'dana')!
  const id = await storyIdBySlug(request, mentioned.slug)
  // A fresh client for each count: a kept-alive connection can be dropped while the page loads.
  const privateReads = async () => {
    const { api, token } = await editor()
    try {
      const response = await api.get('/api/audit-log?limit=1&where[action][equals]=read', {
        headers: { Authorization: `JWT ${token}` },
      })
      expect(response.status()).toBe(200)
      return ((await response.json()) as { totalDocs: number }).totalDocs
    } finally {
      await api.dispose()
    }
  }
  // The admin home lists consents ending soon, an audited read of private data: count after it.
  await logInAsAdmin(page)
  await expect(page.getByTestId('consents-ending')).toBeVisible()
  const before = await privateReads()
  await page.goto(previewUrl({ id, secret: previewSecret }))
  await expect(page.getByText(t('en').previewingDraft)).toBeVisible()
  await expect(page.locator('.person').first()).toHaveText(dana.publicName.en)
  // The whole document, including the serialized React payload.
  const html = await page.content()
  expect(html).not.toContain(dana.legalName)
  expect(html).not.toContain(dana.notes)
  expect(await privateReads(), 'private-data reads recorded by the preview').toBe(before)
})

test('Live Preview shows the public template at each breakpoint, in the edited locale, and follows autosaved drafts', async ({
  page,
  request,
}) => {
  const id = await storyIdBySlug(request, story.slug)
  const draftTitle = `Live draft ${Date.now()}`
  const { api, token } = await editor()
  await logInAsAdmin(page)
  const toggle = page.locator('#live-preview-toggler')
  const frame = page.locator('#live-preview-iframe').contentFrame()

  try {
    await page.goto(`/admin/collections/stories/${id}?locale=ru`)
    await toggle.click()
    await expect(page.locator('#live-preview-iframe')).toHaveAttribute(
      'src',
      /\/next\/preview\?collection=stories&id=[^&]+&locale=ru&secret=/,
    )
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(storyTitle(story, 'ru'))
    await expect(frame.locator('html')).toHaveAttribute('lang', 'ru')
    await expect(frame.getByText(t('ru').previewingDraft)).toBeVisible()

    for (const [label, width, height] of [
      ['Mobile', 375, 667],
      ['Tablet', 768, 1024],
      ['Desktop', 1440, 900],
    ] as const) {
      await page.locator('.live-preview-toolbar-controls__breakpoint button').first().click()
      await page.getByRole('button', { name: label, exact: true }).click()
      await expect
        .poll(() => frame.locator('html').evaluate(() => [window.innerWidth, window.innerHeight]), { message: label })
        .toEqual([width, height])
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText(storyTitle(story, 'ru'))
    }

    // In English, a draft autosaved from the admin appears in the preview without a reload.
    await page.goto(`/admin/collections/stories/${id}?locale=en`)
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
    await page.locator('#field-title').fill(draftTitle)
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(draftTitle)
    expect(await (await request.get(storyPath)).text()).not.toContain(draftTitle)
  } finally {
    // Live Preview stays open per user until toggled off; other specs expect the plain editor.
    if (await page.getByRole('button', { name: 'Exit Live Preview' }).isVisible()) {
      await page.getByRole('button', { name: 'Exit Live Preview' }).click()
      await expect(page.locator('#live-preview-iframe')).toBeHidden()
    }
    await restoreStory(api, token, id)
    await api.dispose()
  }
})

test('"View on site" links a published story and program to their public pages', async ({ page, request }) => {
  const id = await storyIdBySlug(request, story.slug)
  await logInAsAdmin(page)

  await page.goto(`/admin/collections/stories/${id}?locale=ru`)
  const ruLink = page.getByRole('link', { name: /View on site/ })
  await expect(ruLink).toHaveAttribute('href', `/ru/stories/${story.slug}`)

  await page.goto(`/admin/collections/stories/${id}?locale=en`)
  const link = page.getByRole('link', { name: /View on site/ })
  await expect(link).toHaveAttribute('href', storyPath)
  const [site] = await Promise.all([page.waitForEvent('popup'), link.click()])
  await expect(site).toHaveURL(new RegExp(`${storyPath}$`))
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
  await site.close()

  const programs = await request.get(`/api/programs?where[slug][equals]=${program.slug}&depth=0`)
  const programId = ((await programs.json()) as { docs: Array<{ id: string }> }).docs[0]!.id
  await page.goto(`/admin/collections/programs/${programId}`)
  await expect(page.getByRole('link', { name: /View on site/ })).toHaveAttribute('href', `/en/programs/${program.slug}`)
})
