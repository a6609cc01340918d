import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from './fixtures'

import { logInAsAdmin, previewSecret, previewUrl } from './helpers'
import { escapeRegExp, program, seedStory, storyIdBySlug, t, viewports, visit } from './site-helpers'

/**
 * Automated WCAG 2.2 AA checks (axe-core) on every page type of the public site, in English
 * and Russian, at a phone and a desktop width, in the light and the dark palette. Any violation
 * fails the test with a readable list.
 */

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

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

/** Signs in as staff and opens a story through Live Preview's route, which lands on its page. */
async function openPreview(page: Page, request: APIRequestContext, slug: string, locale: 'en' | 'ru') {
  await logInAsAdmin(page)
  const id = await storyIdBySlug(request, slug)
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
  if (colorScheme === 'dark') expect(ground, painted).toBeLessThan(ink)
  else expect(ground, painted).toBeGreaterThan(ink)
  const bar = await page.evaluate((property) => {
    const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')]
    return {
      matching: metas.filter((meta) => matchMedia(meta.media || 'all').matches).map((meta) => meta.content),
      palette: getComputedStyle(document.documentElement).getPropertyValue(property).trim(),
    }
  }, themeColor)
  expect(bar.matching, `theme-color for ${colorScheme} is ${themeColor}`).toEqual([bar.palette])
}

for (const viewport of viewports) {
  for (const scheme of schemes) {
    const { colorScheme } = scheme
    test.describe(`axe at ${viewport.name} (${viewport.size.width}x${viewport.size.height}), ${colorScheme}`, () => {
      test.use({ viewport: viewport.size })

      for (const locale of ['en', 'ru'] as const) {
        for (const { name, path, status, previewOf } of pages(locale)) {
          test(`${name}, ${locale}`, async ({ page, request }, testInfo) => {
            await page.emulateMedia({ colorScheme })
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
            await expectPalette(page, scheme)
            // Web fonts change text metrics and so contrast sampling; wait until they are in.
            await page.evaluate(() => document.fonts.ready.then(() => undefined))
            const results = await new AxeBuilder({ page })
              .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
              .analyze()
            await testInfo.attach(`axe-${name}-${locale}-${viewport.name}-${colorScheme}.json`, {
              body: JSON.stringify(results.violations, null, 2),
              contentType: 'application/json',
            })
            expect(results.passes.length, 'axe ran its checks').toBeGreaterThan(0)
            expect(results.violations, `axe violations on ${path}:\n${summarize(results.violations)}`).toEqual([])
          })
        }
      }
    })
  }
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
