import AxeBuilder from '@axe-core/playwright'
import { createRequire } from 'node:module'
import { type APIRequestContext, expect, type Page, test } from './fixtures'

import { previewSecret, previewUrl } from './helpers'
import { e2eAdmin } from './settings'
import { escapeRegExp, program, seedStory, storyIdBySlug, t, viewports, visit } from './site-helpers'

/**
 * Automated WCAG 2.2 AA checks (axe-core) on every page type of the public site, in English
 * and Russian, at a phone and a desktop width, in the light and the dark palette. Any violation
 * fails the test with a readable list.
 *
 * Each page is opened once per width and judged in both palettes: the palettes differ only by
 * `prefers-color-scheme` in styles.css (no script reads it, nothing animates), so switching the
 * emulated scheme on the open page repaints it exactly as a page opened in that scheme, which the
 * last test here checks too. Opening it again would only repeat the navigation.
 */

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>
type RunOptions = Parameters<AxeBuilder['options']>[0]

function summarize(violations: AxeResults['violations']): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map(
          (node) => `  - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        ),
      ].join('\n'),
    )
    .join('\n\n')
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The axe-core that @axe-core/playwright injects (its own copy), so the rules are the builder's. */
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }
).source

/**
 * One axe pass with every WCAG A and AA rule over the page as it is painted now.
 *
 * On a page without frames (every page here), axe is put into the page once and run there, as the
 * builder's own "legacy" mode does, and run again on the same page for the other palette. The
 * builder puts axe's half-megabyte source into the page twice per pass in that mode, and in its
 * default mode runs it per frame and merges the results in a blank page it opens for every pass;
 * either took more than half of each test, and with a single frame neither checks anything more.
 * A page with frames still gets the builder's default. Passing rules are listed with one node each
 * instead of all of them: only their number is read, and collecting every passing node took as
 * long again. Violations keep every node.
 */
async function scan(page: Page): Promise<AxeResults> {
  const options: RunOptions = { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] }
  if (page.frames().length > 1) return new AxeBuilder({ page }).options(options).analyze()
  type WithAxe = { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } }
  if (!(await page.evaluate(() => Boolean((window as WithAxe).axe)))) await page.evaluate(axeSource)
  return page.evaluate((options) => (window as WithAxe).axe!.run(document, options), options)
}

type PageType = {
  name: string
  path: string
  status: number
  /** Opened by staff through Live Preview: the story's page with the preview banner on top. */
  previewOf?: string
}

const quoted = seedStory('the-first-circle').slug

const pages = (locale: 'en' | 'ru'): PageType[] => [
  { name: 'home', path: `/${locale}`, status: 200 },
  { name: 'stories index', path: `/${locale}/stories`, status: 200 },
  { name: 'story', path: `/${locale}/stories/${seedStory('boundaries-are-not-walls').slug}`, status: 200 },
  { name: 'programs index', path: `/${locale}/programs`, status: 200 },
  { name: 'program', path: `/${locale}/programs/${program.slug}`, status: 200 },
  { name: 'get involved', path: `/${locale}/get-involved`, status: 200 },
  // The forms' states after a submission, and the confirmation page's button, are checked in
  // inquiries.spec.ts; here the pages a link from a subscriber mail opens, for a link not valid.
  { name: 'updates confirmation link', path: `/${locale}/updates/confirm?token=not-valid`, status: 200 },
  { name: 'updates unsubscribe link', path: `/${locale}/updates/unsubscribe?token=not-valid`, status: 200 },
  {
    name: 'get involved from a story',
    path: `/${locale}/get-involved?from=story:${seedStory('the-first-circle').slug}`,
    status: 200,
  },
  {
    name: 'get involved with a refused gift',
    path: `/${locale}/get-involved?from=program:${program.slug}&giveError=amount&currency=KZT&frequency=monthly`,
    status: 200,
  },
  {
    name: 'search with results',
    path: `/${locale}/search?q=${encodeURIComponent(locale === 'en' ? 'pharmacy' : 'аптекой')}`,
    status: 200,
  },
  { name: 'not found', path: `/${locale}/no-such-page`, status: 404 },
  // The story with a pull quote, as staff preview it: the banner and the quote are checked too.
  { name: 'story in preview', path: `/${locale}/stories/${quoted}`, status: 200, previewOf: quoted },
]

/**
 * Signs in as staff and opens a story through Live Preview's route, which lands on its page. The
 * session comes from the login endpoint the admin's form posts to, into this page's own cookies;
 * drawing the admin's login page for it added seconds to every preview checked here, and that
 * form is tested in the admin's specs.
 */
async function openPreview(page: Page, request: APIRequestContext, slug: string, locale: 'en' | 'ru') {
  const [login, id] = await Promise.all([
    page.request.post('/api/users/login', { data: e2eAdmin }),
    storyIdBySlug(request, slug),
  ])
  expect(login.ok(), `staff login: ${login.status()}`).toBe(true)
  await visit(page, previewUrl({ id, secret: previewSecret, locale }))
  await expect(page).toHaveURL(new RegExp(`/${locale}/stories/${escapeRegExp(slug)}$`))
  await expect(page.getByRole('complementary', { name: t(locale).previewBanner })).toBeVisible()
}

/**
 * The palettes styles.css switches between on the reader's system setting. `themeColor` names the
 * palette's custom property that the browser bar's colour (layout.tsx `viewport.themeColor`) repeats.
 */
const schemes = [
  { colorScheme: 'light', themeColor: '--accent' },
  { colorScheme: 'dark', themeColor: '--surface' },
] as const

type Scheme = (typeof schemes)[number]

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number)
  if (channels?.length !== 3) throw new Error(`not an rgb() colour: ${color}`)
  const [r = 0, g = 0, b = 0] = channels.map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

async function bodyColours(page: Page): Promise<{ background: string; text: string }> {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body)
    return { background: body.backgroundColor, text: body.color }
  })
}

/**
 * The page is painted in the palette asked for, so axe judged that palette and not the other:
 * dark text on a light ground by day, light text on a dark ground by night. The browser bar's
 * colour for this scheme is the palette's own.
 */
async function expectPalette(page: Page, { colorScheme, themeColor }: Scheme): Promise<void> {
  const { background, text } = await bodyColours(page)
  const [ground, ink] = [luminance(background), luminance(text)]
  const painted = `${colorScheme}: body text ${text} on ${background}`
  // Soft, like every check per palette: a failure in one palette must not hide the other's.
  if (colorScheme === 'dark') expect.soft(ground, painted).toBeLessThan(ink)
  else expect.soft(ground, painted).toBeGreaterThan(ink)
  const bar = await page.evaluate((property) => {
    const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')]
    return {
      matching: metas.filter((meta) => matchMedia(meta.media || 'all').matches).map((meta) => meta.content),
      palette: getComputedStyle(document.documentElement).getPropertyValue(property).trim(),
    }
  }, themeColor)
  expect.soft(bar.matching, `theme-color for ${colorScheme} is ${themeColor}`).toEqual([bar.palette])
}

for (const viewport of viewports) {
  test.describe(`axe at ${viewport.name} (${viewport.size.width}x${viewport.size.height}), light and dark`, () => {
    test.use({ viewport: viewport.size, colorScheme: 'light' })

    for (const locale of ['en', 'ru'] as const) {
      for (const { name, path, status, previewOf } of pages(locale)) {
        test(`${name}, ${locale}`, async ({ page, request }, testInfo) => {
          if (previewOf) await openPreview(page, request, previewOf, locale)
          else await visit(page, path, status)
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
          if (name === 'search with results') {
            await expect(
              page.getByRole('region', {
                name: t(locale).searchResults(1, locale === 'en' ? 'pharmacy' : 'аптекой'),
              }),
            ).toBeVisible()
          }
          // Web fonts change text metrics and so contrast sampling; wait until they are in.
          await page.evaluate(() => document.fonts.ready.then(() => undefined))
          for (const scheme of schemes) {
            const { colorScheme } = scheme
            await page.emulateMedia({ colorScheme })
            await expectPalette(page, scheme)
            const results = await scan(page)
            await testInfo.attach(`axe-${name}-${locale}-${viewport.name}-${colorScheme}.json`, {
              body: JSON.stringify(results.violations, null, 2),
              contentType: 'application/json',
            })
            expect.soft(results.passes.length, `axe ran its checks, ${colorScheme}`).toBeGreaterThan(0)
            expect
              .soft(results.violations, `axe violations on ${path}, ${colorScheme}:\n${summarize(results.violations)}`)
              .toEqual([])
          }
        })
      }
    }
  })
}

test('the dark palette replaces the light one on the same page, and photos are shown as they are', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await visit(page, `/en/stories/${seedStory('boundaries-are-not-walls').slug}`)
  const light = await bodyColours(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await bodyColours(page)
  expect(dark.background, 'body background in dark mode').not.toBe(light.background)
  expect(dark.text, 'body text in dark mode').not.toBe(light.text)
  // Nothing inverts, dims or recolours a photo: no filter on it or on anything around it.
  const filtered = await page.locator('main img').evaluateAll((images) =>
    images.map((image) => {
      const filters: string[] = []
      for (let el: Element | null = image; el; el = el.parentElement) {
        const filter = getComputedStyle(el).filter
        if (filter !== 'none') filters.push(`${el.tagName.toLowerCase()}: ${filter}`)
      }
      return { src: (image as HTMLImageElement).currentSrc, filters }
    }),
  )
  expect(filtered.length, 'the story shows photos').toBeGreaterThan(0)
  for (const { src, filters } of filtered) expect(filters, src).toEqual([])
})
