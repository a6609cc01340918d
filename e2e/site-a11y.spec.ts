import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { program, seedStory, t, viewports, visit } from './site-helpers'

/**
 * Automated WCAG 2.2 AA checks (axe-core) on every page type of the public site, in English
 * and Russian, at a phone and a desktop width. Any violation fails the test with a readable list.
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

const pages = (locale: 'en' | 'ru') => [
  { name: 'home', path: `/${locale}`, status: 200 },
  { name: 'stories index', path: `/${locale}/stories`, status: 200 },
  { name: 'story', path: `/${locale}/stories/${seedStory('boundaries-are-not-walls').slug}`, status: 200 },
  { name: 'programs index', path: `/${locale}/programs`, status: 200 },
  { name: 'program', path: `/${locale}/programs/${program.slug}`, status: 200 },
  { name: 'get involved', path: `/${locale}/get-involved`, status: 200 },
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
]

for (const viewport of viewports) {
  test.describe(`axe at ${viewport.name} (${viewport.size.width}x${viewport.size.height})`, () => {
    test.use({ viewport: viewport.size })

    for (const locale of ['en', 'ru'] as const) {
      for (const { name, path, status } of pages(locale)) {
        test(`${name}, ${locale}`, async ({ page }, testInfo) => {
          await visit(page, path, status)
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
          if (name === 'search with results') {
            await expect(
              page.getByRole('region', { name: t(locale).searchResults(1, locale === 'en' ? 'pharmacy' : 'аптекой') }),
            ).toBeVisible()
          }
          // Web fonts change text metrics and so contrast sampling; wait until they are in.
          await page.evaluate(() => document.fonts.ready.then(() => undefined))
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze()
          await testInfo.attach(`axe-${name}-${locale}-${viewport.name}.json`, {
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
