import { expect, type Page, test } from './fixtures'

import { getInvolved } from '../seed/content/getInvolved'
import { editor } from './helpers'
import { program, seedStory, type SiteLocale, storyTitle, t, visit } from './site-helpers'

/**
 * A donor's way from a story to a gift: the story's call to action leads to Get involved, which
 * names the story; the donation panel (a plain GET form) goes through Voices' hand-off route,
 * which answers 303 to the processor's address filled in from the template the seed configured.
 * The processor is never reached: the browser resolves no name but the test server's
 * (playwright.config.ts), and where it lets routes see a redirect's target (the full Chromium; the
 * headless shell does not), the request is answered here.
 */

const story = seedStory('the-first-circle')
const processor = new URL(getInvolved.donationUrlTemplate.split('?')[0]!)

/** Catches the browser's navigation to the processor; returns the address it was sent to. */
async function catchHandOff(page: Page): Promise<() => URL | null> {
  let caught: URL | null = null
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!caught && url.origin === processor.origin) caught = url
  })
  await page.route(`${processor.origin}/**`, async (route) => {
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><title>Processor</title><h1>Processor</h1></html>',
    })
  })
  return () => caught
}

const intlTag: Record<SiteLocale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }

/** A suggested amount's label, as the panel writes it. */
function money(amount: number, currency: string, locale: SiteLocale): string {
  return new Intl.NumberFormat(intlTag[locale], {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    maximumFractionDigits: 0,
  }).format(amount)
}

/** The inline call to action the seed placed in the story's body. */
function inlineCta(locale: SiteLocale) {
  const body = story.body[locale] ?? story.body.en
  const block = body.find((b) => typeof b === 'object' && 'cta' in b)
  if (!block || typeof block !== 'object' || !('cta' in block)) throw new Error('the seed story has no call to action')
  return block.cta
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('a reader follows a story’s call to action, is named where she came from, and is handed to the processor with her gift', async ({
      page,
    }) => {
      const locale = 'en'
      const m = t(locale)
      const handOff = await catchHandOff(page)
      await visit(page, `/${locale}/stories/${story.slug}`)
      const cta = page.locator('article .prose .cta')
      await expect(cta.getByRole('heading', { level: 2 })).toHaveText(inlineCta(locale).heading)
      await cta.getByRole('link', { name: inlineCta(locale).button }).click()

      await expect(page).toHaveURL(`/${locale}/get-involved?from=story:${story.slug}#give`)
      const cameFrom = page.locator('.came-from')
      await expect(cameFrom).toHaveText(`You came from ${storyTitle(story, locale)}`)
      await expect(cameFrom.getByRole('link')).toHaveAttribute('href', `/${locale}/stories/${story.slug}`)

      const donate = page.getByRole('region', { name: m.donate })
      await donate.getByRole('radio', { name: money(10000, 'KZT', locale) }).check()
      await donate.getByRole('radio', { name: m.giveMonthly }).check()
      await donate.getByRole('button', { name: m.giveSubmit }).click()

      await expect.poll(handOff).not.toBeNull()
      const url = handOff()!
      expect(`${url.origin}${url.pathname}`).toBe(`${processor.origin}${processor.pathname}`)
      expect(Object.fromEntries(url.searchParams)).toEqual({
        amount: '10000',
        currency: 'KZT',
        frequency: 'monthly',
        // No campaign code is set, so the story's program is the campaign.
        campaign: program.slug,
        story: story.slug,
      })
    })

    test('another amount that is not a number is refused in Russian, and nothing is handed on', async ({ page }) => {
      const locale = 'ru'
      const m = t(locale)
      const handOff = await catchHandOff(page)
      await visit(page, `/${locale}/get-involved?from=story:${story.slug}`)
      const donate = page.getByRole('region', { name: m.donate })
      await donate.getByLabel(m.giveOtherAmount).fill('десять')
      await donate.getByRole('button', { name: m.giveSubmit }).click()

      await expect(page).toHaveURL(new RegExp(`/${locale}/get-involved\\?.*giveError=amount.*#give$`))
      // Next's route announcer is an alert too: look inside the panel.
      await expect(page.getByRole('region', { name: m.donate }).getByRole('alert')).toHaveText(m.giveErrors.amount)
      await expect(page.getByRole('region', { name: m.donate }).getByLabel(m.giveOtherAmount)).toHaveAttribute(
        'aria-invalid',
        'true',
      )
      // Still attributed to the story she came from.
      await expect(page.locator('.came-from')).toContainText(storyTitle(story, locale))
      expect(handOff()).toBeNull()

      // A typed amount in figures, with the choices kept, goes through.
      await page.getByRole('region', { name: m.donate }).getByLabel(m.giveOtherAmount).fill('12 500')
      await page.getByRole('region', { name: m.donate }).getByRole('button', { name: m.giveSubmit }).click()
      await expect.poll(handOff).not.toBeNull()
      expect(Object.fromEntries(handOff()!.searchParams)).toMatchObject({
        amount: '12500',
        currency: 'KZT',
        frequency: 'one-off',
        story: story.slug,
      })
    })
  })
}

test('the hand-off answers 303 with every value URL-encoded, or 303 back to Get involved with the reason', async ({
  request,
}) => {
  const give = (query: string) => request.get(`/en/get-involved/give?${query}`, { maxRedirects: 0 })
  const ok = await give(`choice=USD-25&frequency=one-off&from=program:${program.slug}`)
  expect(ok.status()).toBe(303)
  expect(ok.headers()['cache-control']).toContain('no-store')
  const location = new URL(ok.headers().location!)
  expect(Object.fromEntries(location.searchParams)).toEqual({
    amount: '25',
    currency: 'USD',
    frequency: 'one-off',
    campaign: program.slug,
    story: '',
  })

  const refused: Array<[string, string]> = [
    ['amount=0&currency=USD&frequency=monthly', 'amount'],
    ['amount=100000&currency=USD&frequency=monthly', 'amountTooLarge'],
    ['amount=10&currency=EUR&frequency=monthly', 'currency'],
    ['choice=USD-10&frequency=weekly', 'frequency'],
  ]
  for (const [query, reason] of refused) {
    const response = await give(`${query}&from=story:${story.slug}`)
    expect(response.status(), query).toBe(303)
    const back = new URL(response.headers().location!, 'http://site.test')
    expect(back.pathname, query).toBe('/en/get-involved')
    expect(back.searchParams.get('giveError'), query).toBe(reason)
    expect(back.searchParams.get('from'), query).toBe(`story:${story.slug}`)
    expect(back.hash).toBe('#give')
  }
})

test('an unpublished, unknown or malformed story in `from` is never named or passed on', async ({ page, request }) => {
  const { api, token } = await editor()
  const headers = { Authorization: `JWT ${token}` }
  const title = `Unpublished donor origin ${Date.now()}`
  const created = await api.post('/api/stories?locale=en', {
    headers,
    data: {
      title,
      slug: '',
      _status: 'draft',
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: 'ltr',
              format: '',
              indent: 0,
              children: [{ type: 'text', text: 'Not yet public.', version: 1, format: 0, detail: 0, mode: 'normal' }],
            },
          ],
        },
      },
    },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { doc } = (await created.json()) as { doc: { id: string; slug: string } }
  try {
    for (const from of [`story:${doc.slug}`, 'story:no-such-story', 'program:no-such-program', 'story:<b>x</b>']) {
      await visit(page, `/en/get-involved?from=${encodeURIComponent(from)}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en').getInvolved)
      await expect(page.locator('.came-from')).toHaveCount(0)
      await expect(page.locator('input[name="from"]')).toHaveCount(0)
      // What the page shows and links to (Next's router data carries the visitor's own address).
      for (const part of [await page.locator('main').innerHTML(), await page.title()]) {
        expect(part).not.toContain(title)
        expect(part).not.toContain(from.split(':')[1]!)
      }
      const response = await request.get(`/en/get-involved/give?choice=USD-10&frequency=one-off&from=${from}`, {
        maxRedirects: 0,
      })
      expect(response.status()).toBe(303)
      const location = new URL(response.headers().location!)
      expect(location.searchParams.get('story'), from).toBe('')
      expect(location.toString()).not.toContain(from.split(':')[1]!)
    }
  } finally {
    await api.delete(`/api/stories/${doc.id}`, { headers })
    await api.dispose()
  }
})

test('editors reword the call to action under stories; every story shows it at once, and a language left empty reads the built-in wording', async ({
  page,
}) => {
  const { api, token } = await editor()
  const headers = { Authorization: `JWT ${token}` }
  const write = async (locale: SiteLocale, storyCta: Record<string, string | null>) => {
    const response = await api.post(`/api/globals/get-involved?locale=${locale}`, {
      headers,
      data: { storyCta: { ...storyCta, target: 'give' } },
    })
    expect(response.status(), await response.text()).toBe(200)
  }
  const seeded = (locale: SiteLocale) => ({
    heading: getInvolved.storyCta.heading[locale],
    text: getInvolved.storyCta.text[locale],
    buttonLabel: getInvolved.storyCta.buttonLabel[locale],
  })
  const ctaOf = async (locale: SiteLocale) => {
    await visit(page, `/${locale}/stories/${story.slug}`)
    return page.locator('aside.cta')
  }
  try {
    await write('en', { ...seeded('en'), heading: 'Stand beside the next group' })
    await write('kk', { heading: null, text: null, buttonLabel: null })

    const en = await ctaOf('en')
    await expect(en.getByRole('heading', { level: 2 })).toHaveText('Stand beside the next group')
    await expect(en.locator('a[data-cta="give"]')).toHaveText(seeded('en').buttonLabel)

    const kk = await ctaOf('kk')
    await expect(kk.getByRole('heading', { level: 2 })).toHaveText(t('kk').ctaTitle)
    await expect(kk).toContainText(t('kk').ctaText)
    await expect(kk.locator('a[data-cta="give"]')).toHaveText(t('kk').ctaButton)
    await expect(kk.locator('a[data-cta="give"]')).toHaveAttribute(
      'href',
      `/kk/get-involved?from=story:${story.slug}#give`,
    )
  } finally {
    await write('en', seeded('en'))
    await write('kk', seeded('kk'))
    await api.dispose()
  }
  const kk = await ctaOf('kk')
  await expect(kk.getByRole('heading', { level: 2 })).toHaveText(seeded('kk').heading)
})
