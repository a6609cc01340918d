import { expect, type Page, test } from './fixtures'

import { leaders } from '../seed/content/people'
import { getInvolved } from '../seed/content/getInvolved'
import { siteSettings } from '../seed/content/settings'
import { tags } from '../seed/content/tags'
import {
  attachScreenshot,
  escapeRegExp,
  expectFitsViewport,
  expectNoAdminLinks,
  hreflang,
  isTranslated,
  jsonLd,
  localized,
  pathsOf,
  program,
  publishedStories,
  seedNeighbours,
  seedStories,
  seedStory,
  siteDate,
  type SiteLocale,
  siteLocales,
  siteNumber,
  storyTitle,
  switcherLabel,
  t,
  viewports,
  visit,
} from './site-helpers'

/**
 * The public site as a visitor sees it: every page type, in English and Russian (Kazakh where
 * it is cheap), at a phone and a desktop width. Expected content comes from the seed modules.
 */

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')

const programPath = (locale: SiteLocale) => `/${locale}/programs/${program.slug}`
/** The call to action under stories, as the seed words it in the Get involved settings. */
const storyCta = (locale: SiteLocale) => ({
  heading: localized(getInvolved.storyCta.heading, locale),
  text: localized(getInvolved.storyCta.text, locale),
  button: localized(getInvolved.storyCta.buttonLabel, locale),
})
const newestFirst = [...seedStories].reverse()

/** Titles of the story cards in a list, in page order. */
async function cardTitles(page: Page, scope = page.getByRole('main')): Promise<string[]> {
  return scope.locator('.grid .card__title a').allTextContents()
}

async function cardPaths(page: Page, scope = page.getByRole('main')): Promise<string[]> {
  return scope
    .locator('.grid .card__title a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
}

/** The first plain paragraph of a seed body, in the language the site shows it in. */
function rawFirstParagraph(slug: string, locale: SiteLocale): string {
  const story = seedStory(slug)
  const body = isTranslated(story, locale) ? story.body[locale]! : story.body.en
  const paragraph = body.find((block): block is string => typeof block === 'string')
  if (!paragraph) throw new Error(`${slug} has no paragraph`)
  return paragraph
}

/** The same paragraph as the reader sees it, without the seed's inline markup. */
function firstParagraph(slug: string, locale: SiteLocale): string {
  // **bold**, *italic* and [a link](target).
  return rawFirstParagraph(slug, locale)
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
}

for (const viewport of viewports) {
  test.describe(`${viewport.name} (${viewport.size.width}x${viewport.size.height})`, () => {
    test.use({ viewport: viewport.size })

    for (const locale of ['en', 'ru'] as const) {
      const m = t(locale)

      test(`home page, ${locale}`, async ({ page, request }, testInfo) => {
        await visit(page, `/${locale}`)
        await expect(page.locator('html')).toHaveAttribute('lang', hreflang[locale])
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          localized(siteSettings.organisationName, locale),
        )
        await expect(page.getByText(localized(siteSettings.tagline, locale))).toBeVisible()

        const latest = page.getByRole('region', { name: m.latestStories })
        const newest = (await publishedStories(request, locale)).slice(0, 3).map((s) => s.title)
        expect(await cardTitles(page, latest)).toEqual(newest)
        await expect(latest.getByRole('link', { name: m.allStories })).toHaveAttribute('href', `/${locale}/stories`)

        const programs = page.getByRole('region', { name: m.ourPrograms })
        await expect(programs.getByRole('link', { name: localized(program.name, locale) })).toHaveAttribute(
          'href',
          programPath(locale),
        )
        for (const figure of program.impactFigures) {
          const row = programs.locator('.figures > div').filter({ hasText: localized(figure.label, locale) })
          await expect(row.locator('dd')).toHaveText(siteNumber(figure.value, locale))
        }
        const cta = page.getByRole('complementary', { name: storyCta(locale).heading })
        await expect(cta.getByRole('link', { name: storyCta(locale).button })).toHaveAttribute(
          'href',
          `/${locale}/get-involved#give`,
        )

        const header = page.getByRole('navigation', { name: m.mainNavigation })
        await expect(header.getByRole('link', { name: m.stories, exact: true })).toHaveAttribute(
          'href',
          `/${locale}/stories`,
        )
        await expect(header.getByRole('link', { name: m.programs, exact: true })).toHaveAttribute(
          'href',
          `/${locale}/programs`,
        )
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `home-${locale}-${viewport.name}`)
      })

      test(`stories index with pagination, ${locale}`, async ({ page, request }, testInfo) => {
        const all = await publishedStories(request, locale)
        // Nine seeded stories, perhaps one more from the publish spec: always exactly two pages of six.
        expect(all.length).toBeGreaterThanOrEqual(seedStories.length)
        expect(all.length).toBeLessThanOrEqual(12)

        await visit(page, `/${locale}/stories`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.stories)
        expect(await cardTitles(page)).toEqual(all.slice(0, 6).map((s) => s.title))
        await expect(page.locator('.grid time').first()).toHaveText(siteDate(all[0]!.publishedAt, locale))
        const pagination = page.getByRole('navigation', { name: m.pagination })
        await expect(pagination).toContainText(m.pageOf(1, 2))
        await expect(pagination.locator('a[rel="prev"]')).toHaveCount(0)
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `stories-${locale}-${viewport.name}`)

        await pagination.getByRole('link', { name: m.nextPage }).click()
        await expect(page).toHaveURL(new RegExp(`/${locale}/stories/page/2$`))
        await expect(page.getByRole('navigation', { name: m.pagination })).toContainText(m.pageOf(2, 2))
        expect(await cardTitles(page)).toEqual(all.slice(6).map((s) => s.title))
        await expect(page.getByRole('navigation', { name: m.pagination }).locator('a[rel="next"]')).toHaveCount(0)
        await expect(
          page.getByRole('navigation', { name: m.pagination }).getByRole('link', { name: m.previousPage }),
        ).toHaveAttribute('href', `/${locale}/stories`)

        await visit(page, `/${locale}/stories/page/3`, 404)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.notFoundTitle)
      })

      test(`story page, ${locale}`, async ({ page }, testInfo) => {
        const slug = 'the-first-circle'
        const story = seedStory(slug)
        await visit(page, `/${locale}/stories/${slug}`)
        const article = page.locator('article.story')
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(storyTitle(story, locale))
        await expect(article.locator('header time')).toHaveText(siteDate(story.publishedAt, locale))
        await expect(article.locator('header time')).toHaveAttribute('datetime', story.publishedAt)
        await expect(
          article.locator('header').getByRole('link', { name: localized(program.name, locale) }),
        ).toHaveAttribute('href', programPath(locale))
        const hero = article.locator('figure.story__hero')
        await expect(hero.locator('img')).toHaveAttribute('alt', localized(story.image.alt, locale))
        await expect(hero.locator('img')).toBeVisible()
        await expect(hero.locator('figcaption')).toContainText(localized(story.image.caption!, locale))
        // The seed credits every illustration the same way.
        await expect(hero.locator('figcaption .credit')).toHaveText('Illustration: Voices demo')
        await expect(article.locator('.prose').getByText(firstParagraph(slug, locale))).toBeVisible()
        for (const [, label] of rawFirstParagraph(slug, locale).matchAll(/\[([^\]]+)\]\(programs:[^)]+\)/g)) {
          // A link to the program inside the body stays in the reader's language.
          await expect(article.locator('.prose').getByRole('link', { name: label })).toHaveAttribute(
            'href',
            programPath(locale),
          )
        }
        await expect(page.getByRole('note')).toHaveCount(0)

        // The people the story features, by public name only.
        const people = page.getByRole('region', { name: m.peopleInStory })
        const featured = story.leaders.map((key) => leaders.find((leader) => leader.key === key)!)
        expect(await people.locator('li').allTextContents()).toEqual(
          featured.map((leader) => localized(leader.publicName, locale)),
        )
        for (const leader of featured) await expect(page.locator('body')).not.toContainText(leader.realName)

        for (const key of story.tags) {
          const tag = tags.find((candidate) => candidate.key === key)!
          await expect(article.getByRole('link', { name: localized(tag.name, locale), exact: true })).toHaveAttribute(
            'href',
            `/${locale}/stories/tag/${tag.slug}`,
          )
        }
        // Every call to action carries the story to Get involved.
        const cta = page.getByRole('complementary', { name: storyCta(locale).heading })
        await expect(cta).toContainText(storyCta(locale).text)
        await expect(cta.getByRole('link', { name: storyCta(locale).button })).toHaveAttribute(
          'href',
          `/${locale}/get-involved?from=story:${slug}#give`,
        )
        await expect(article.locator('.prose .cta a[data-cta="give"]')).toHaveAttribute(
          'href',
          `/${locale}/get-involved?from=story:${slug}#give`,
        )

        // The oldest story has no previous one; its next one is the second oldest.
        const nav = page.getByRole('navigation', { name: m.storyNavigation })
        const { previous, next } = seedNeighbours(slug)
        expect(previous).toBeNull()
        await expect(nav.locator('a[rel="prev"]')).toHaveCount(0)
        await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', `/${locale}/stories/${next!.slug}`)
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `story-${locale}-${viewport.name}`)
      })

      test(`story navigation and more stories from the program, ${locale}`, async ({ page }) => {
        const slug = 'boundaries-are-not-walls'
        const { previous, next } = seedNeighbours(slug)
        await visit(page, `/${locale}/stories/${slug}`)
        const nav = page.getByRole('navigation', { name: m.storyNavigation })
        for (const [rel, neighbour, label] of [
          ['prev', previous!, m.previousStory],
          ['next', next!, m.nextStory],
        ] as const) {
          const link = nav.locator(`a[rel="${rel}"]`)
          await expect(link).toHaveAttribute('href', `/${locale}/stories/${neighbour.slug}`)
          await expect(link.locator('.adjacent__title')).toHaveText(storyTitle(neighbour, locale))
          await expect(link.locator('time')).toHaveText(siteDate(neighbour.publishedAt, locale))
          await expect(link).toContainText(label)
        }

        const more = page.getByRole('region', { name: m.moreStories })
        // Every seed story belongs to the one program; the three newest others are shown.
        const expected = newestFirst.filter((s) => s.slug !== slug).slice(0, 3)
        expect(await cardPaths(page, more)).toEqual(expected.map((s) => `/${locale}/stories/${s.slug}`))
        expect(await cardTitles(page, more)).toEqual(expected.map((s) => storyTitle(s, locale)))
        await expect(more.locator(`a[href="/${locale}/stories/${slug}"]`)).toHaveCount(0)
        await expect(more.locator('.card .meta')).toHaveText(
          expected.map(() => new RegExp(escapeRegExp(localized(program.name, locale)))),
        )

        // Following a link lands on the neighbour.
        await nav.locator('a[rel="next"]').click()
        await expect(page).toHaveURL(new RegExp(`/${locale}/stories/${next!.slug}$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(storyTitle(next!, locale))
        await expect(
          page.getByRole('navigation', { name: m.storyNavigation }).locator('a[rel="prev"]'),
        ).toHaveAttribute('href', `/${locale}/stories/${slug}`)
      })

      test(`programs index, ${locale}`, async ({ page }, testInfo) => {
        await visit(page, `/${locale}/programs`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.programs)
        const card = page
          .locator('.program-card')
          .filter({ has: page.getByRole('heading', { name: localized(program.name, locale) }) })
        await expect(card.getByRole('link', { name: localized(program.name, locale) })).toHaveAttribute(
          'href',
          programPath(locale),
        )
        await expect(card).toContainText(localized(program.location, locale))
        await expect(card).toContainText(m.active)
        await expect(card).toContainText(localized(program.summary, locale))
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `programs-${locale}-${viewport.name}`)
      })

      test(`program page, ${locale}`, async ({ page }, testInfo) => {
        await visit(page, programPath(locale))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(localized(program.name, locale))
        await expect(page.getByText(localized(program.summary, locale)).first()).toBeVisible()

        const facts = page.getByRole('complementary', { name: m.whereAndWhen })
        await expect(facts).toContainText(localized(program.location, locale))
        await expect(facts).toContainText(localized(program.meetingSchedule, locale))
        await expect(facts).toContainText(localized(program.audience, locale))

        const impact = page.getByRole('region', { name: m.impact })
        for (const figure of program.impactFigures) {
          const row = impact
            .locator('dl > div')
            .filter({ has: page.locator('dt', { hasText: localized(figure.label, locale) }) })
          await expect(row.locator('dd')).toHaveText(siteNumber(figure.value, locale))
        }

        const lessons = page.getByRole('region', { name: m.lessonTopics })
        await expect(lessons.getByRole('heading', { level: 3 })).toHaveText(
          program.lessonTopics.map((l) => localized(l.topic, locale)),
        )

        const leaderNames = await page
          .getByRole('region', { name: m.leaders })
          .locator('.leaders__name')
          .allTextContents()
        expect(leaderNames.sort()).toEqual(leaders.map((l) => localized(l.publicName, locale)).sort())
        for (const leader of leaders) await expect(page.locator('body')).not.toContainText(leader.realName)

        const programStories = page.getByRole('region', { name: m.programStories })
        expect(await cardTitles(page, programStories)).toEqual(
          newestFirst.slice(0, 6).map((s) => storyTitle(s, locale)),
        )
        await expect(programStories.getByRole('link', { name: m.allStories })).toHaveAttribute(
          'href',
          `/${locale}/stories/program/${program.slug}`,
        )
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `program-${locale}-${viewport.name}`)
      })

      test(`get involved, ${locale}`, async ({ page }, testInfo) => {
        await visit(page, `/${locale}/get-involved`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.getInvolved)
        const donate = page.getByRole('region', { name: m.donate })
        await expect(donate.getByRole('button', { name: m.giveSubmit })).toBeVisible()
        await expect(donate).toContainText(localized(siteSettings.trustStatement, locale))
        const ways = page.getByRole('region', { name: m.waysToHelp })
        await expect(ways.getByRole('heading', { level: 3 })).toHaveText(
          getInvolved.waysToHelp.map((w) => localized(w.title, locale)),
        )
        for (const way of getInvolved.waysToHelp) {
          await expect(ways).toContainText(localized(way.text, locale))
          await expect(ways.getByRole('link', { name: localized(way.linkLabel, locale) })).toHaveAttribute(
            'href',
            way.link,
          )
        }
        const contact = page.getByRole('region', { name: m.writeToUs })
        await expect(contact).toContainText(m.writeToUsText)
        await expect(contact.getByRole('link', { name: siteSettings.contactEmail })).toHaveAttribute(
          'href',
          `mailto:${siteSettings.contactEmail}`,
        )
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `get-involved-${locale}-${viewport.name}`)
      })

      test(`search, ${locale}`, async ({ page }, testInfo) => {
        // A word that occurs in one story's body only, in this language.
        const word = locale === 'en' ? 'pharmacy' : 'аптекой'
        const found = seedStory('the-first-circle')
        await visit(page, `/${locale}/search`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.searchTitle)
        await expect(page.getByText(m.searchHint)).toBeVisible()
        const form = page.getByRole('search')
        await form.getByLabel(m.searchLabel).fill(word)
        await form.getByRole('button', { name: m.searchButton }).click()
        await expect(page).toHaveURL(new RegExp(`/${locale}/search\\?q=${escapeRegExp(encodeURIComponent(word))}$`))
        const results = page.getByRole('region', { name: m.searchResults(1, word) })
        await expect(results).toBeVisible()
        await expect(results.getByRole('link', { name: storyTitle(found, locale) })).toHaveAttribute(
          'href',
          `/${locale}/stories/${found.slug}`,
        )
        expect(await cardTitles(page, results)).toEqual([storyTitle(found, locale)])
        // One page holds every result: no links to other pages (search pages by twelve).
        await expect(page.getByRole('navigation', { name: m.pagination })).toHaveCount(0)
        await expect(page.getByRole('search').getByLabel(m.searchLabel)).toHaveValue(word)
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `search-${locale}-${viewport.name}`)

        const nonsense = 'zqxjvwplk'
        await visit(page, `/${locale}/search?q=${nonsense}`)
        await expect(page.getByRole('heading', { level: 2 })).toHaveText(m.searchNothing(nonsense))
        await expect(page.locator('.grid')).toHaveCount(0)
      })

      test(`not-found pages, ${locale}`, async ({ page }, testInfo) => {
        for (const path of [
          `/${locale}/stories/no-such-story`,
          `/${locale}/no-such-page`,
          `/${locale}/programs/no-such-program`,
        ]) {
          await visit(page, path, 404)
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.notFoundTitle)
          await expect(page.getByText(m.notFoundText)).toBeVisible()
          await expect(page.getByRole('main').getByRole('link', { name: m.backHome })).toHaveAttribute(
            'href',
            `/${locale}`,
          )
        }
        await expectNoAdminLinks(page)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `not-found-${locale}-${viewport.name}`)
      })
    }

    test('the language switcher keeps the visitor on the same story', async ({ page }) => {
      const story = seedStory('the-first-circle')
      await visit(page, `/en/stories/${story.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
      const switcher = page.getByRole('navigation', { name: t('en').languageSwitcher })
      await expect(switcher.getByRole('link', { name: switcherLabel.en })).toHaveAttribute('aria-current', 'true')
      await switcher.getByRole('link', { name: switcherLabel.ru }).click()
      await expect(page).toHaveURL(new RegExp(`/ru/stories/${story.slug}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.ru!)

      const ruSwitcher = page.getByRole('navigation', { name: t('ru').languageSwitcher })
      await expect(ruSwitcher.getByRole('link', { name: switcherLabel.ru })).toHaveAttribute('aria-current', 'true')
      await ruSwitcher.getByRole('link', { name: switcherLabel.kk }).click()
      await expect(page).toHaveURL(new RegExp(`/kk/stories/${story.slug}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.kk!)

      await page
        .getByRole('navigation', { name: t('kk').languageSwitcher })
        .getByRole('link', { name: switcherLabel.en })
        .click()
      await expect(page).toHaveURL(new RegExp(`/en/stories/${story.slug}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
    })

    test('an untranslated story says so in Russian, and not in English', async ({ page }, testInfo) => {
      const story = seedStory('womens-day-in-the-village-groups')
      expect(story.title.ru, 'the seed leaves this story untranslated').toBeUndefined()
      await visit(page, `/ru/stories/${story.slug}`)
      await expect(page.getByRole('note')).toHaveText(t('ru').untranslated)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
      await expect(page.locator('.prose').getByText(firstParagraph(story.slug, 'en'))).toBeVisible()
      await expectFitsViewport(page)
      await attachScreenshot(page, testInfo, `story-untranslated-ru-${viewport.name}`)

      await visit(page, `/en/stories/${story.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en)
      await expect(page.getByRole('note')).toHaveCount(0)
      await expect(page.getByText(t('en').untranslated)).toHaveCount(0)
    })

    test('program and tag filters narrow the stories index', async ({ page }, testInfo) => {
      for (const locale of ['en', 'ru'] as const) {
        const m = t(locale)
        await visit(page, `/${locale}/stories/program/${program.slug}`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          `${m.storiesAbout}: ${localized(program.name, locale)}`,
        )
        await expect(
          page
            .getByRole('navigation', { name: m.filterByProgram })
            .getByRole('link', { name: localized(program.name, locale) }),
        ).toHaveAttribute('aria-current', 'page')
        expect(await cardTitles(page)).toEqual(newestFirst.slice(0, 6).map((s) => storyTitle(s, locale)))
        await expect(page.getByRole('navigation', { name: m.pagination })).toContainText(m.pageOf(1, 2))
        await visit(page, `/${locale}/stories/program/${program.slug}/page/2`)
        expect(await cardTitles(page)).toEqual(newestFirst.slice(6).map((s) => storyTitle(s, locale)))

        const tag = tags.find((candidate) => candidate.key === 'parenting')!
        const tagged = newestFirst.filter((s) => s.tags.includes(tag.key))
        expect(tagged.length).toBeGreaterThan(0)
        expect(tagged.length).toBeLessThan(6)
        await visit(page, `/${locale}/stories`)
        await page
          .getByRole('navigation', { name: m.filterByTag })
          .getByRole('link', { name: localized(tag.name, locale) })
          .click()
        await expect(page).toHaveURL(new RegExp(`/${locale}/stories/tag/${tag.slug}$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          `${m.storiesTagged}: ${localized(tag.name, locale)}`,
        )
        expect(await cardTitles(page)).toEqual(tagged.map((s) => storyTitle(s, locale)))
        await expect(page.getByRole('navigation', { name: m.pagination })).toHaveCount(0)
        await expectFitsViewport(page)
        await attachScreenshot(page, testInfo, `stories-tag-${locale}-${viewport.name}`)
      }
      await visit(page, '/en/stories/tag/no-such-tag', 404)
      await visit(page, '/en/stories/program/no-such-program', 404)
    })
  })
}

test.describe('Kazakh', () => {
  const m = t('kk')
  test.use({ viewport: viewports[1].size })

  test('home, story and program pages in Kazakh', async ({ page }, testInfo) => {
    await visit(page, '/kk')
    await expect(page.locator('html')).toHaveAttribute('lang', hreflang.kk)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(localized(siteSettings.organisationName, 'kk'))
    await expect(page.getByRole('heading', { name: m.latestStories })).toBeVisible()
    await expectFitsViewport(page)
    await attachScreenshot(page, testInfo, 'home-kk-desktop')

    const story = seedStory('the-first-circle')
    expect(isTranslated(story, 'kk'), 'the seed translates this story into Kazakh').toBe(true)
    await visit(page, `/kk/stories/${story.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.kk!)
    await expect(page.locator('.prose').getByText(firstParagraph(story.slug, 'kk'))).toBeVisible()
    await expect(page.locator('article.story header time')).toHaveText(siteDate(story.publishedAt, 'kk'))
    await expectFitsViewport(page)
    await attachScreenshot(page, testInfo, 'story-kk-desktop')

    await visit(page, programPath('kk'))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(localized(program.name, 'kk'))
    const leaderNames = await page.getByRole('region', { name: m.leaders }).locator('.leaders__name').allTextContents()
    expect(leaderNames.sort()).toEqual(leaders.map((l) => localized(l.publicName, 'kk')).sort())
    await expect(page.getByRole('region', { name: m.impact }).locator('dt')).toHaveText(
      program.impactFigures.map((f) => localized(f.label, 'kk')),
    )
    await expectNoAdminLinks(page)
    await expectFitsViewport(page)
    await attachScreenshot(page, testInfo, 'program-kk-desktop')

    await visit(page, '/kk/no-such-page', 404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.notFoundTitle)
  })
})

/** What a page's head declares, read in one go after it loaded. */
async function headOf(page: Page) {
  const head = await page.evaluate(() => {
    const values = (selector: string, attribute: string) =>
      [...document.querySelectorAll(`head ${selector}`)].map((element) => element.getAttribute(attribute) ?? '')
    return {
      canonical: values('link[rel="canonical"]', 'href'),
      alternates: [...document.querySelectorAll('head link[rel="alternate"][hreflang]')].map((link) => ({
        hreflang: link.getAttribute('hreflang') ?? '',
        href: link.getAttribute('href') ?? '',
      })),
      ogImage: values('meta[property="og:image"]', 'content'),
      ogImageWidth: values('meta[property="og:image:width"]', 'content'),
      ogImageHeight: values('meta[property="og:image:height"]', 'content'),
      ogType: values('meta[property="og:type"]', 'content'),
      twitterCard: values('meta[name="twitter:card"]', 'content'),
    }
  })
  const pathOf = (href: string) => new URL(href, page.url()).pathname
  return {
    ...head,
    canonicalPaths: head.canonical.map(pathOf),
    alternatePaths: (lang: string) => head.alternates.filter((a) => a.hreflang === lang).map((a) => pathOf(a.href)),
  }
}

/**
 * Every page type's head (canonical and hreflang alternates, share image, JSON-LD) and, in
 * Russian, where its language switcher leads. Each page is opened once and everything about it is
 * read from that load; it used to be opened again for each of these checks, 54 loads for 32 pages.
 * The checks are soft, so that one page's failure cannot hide another's.
 */
test.describe('head metadata', () => {
  const story = seedStory('the-first-circle')
  /** Canonical and alternates are checked in English and Russian. Search comes last, as below. */
  const withCanonical = [
    '',
    '/stories',
    `/stories/${story.slug}`,
    '/programs',
    `/programs/${program.slug}`,
    '/get-involved',
    '/search',
  ]
  const withOwnImage = [`/stories/${story.slug}`, `/programs/${program.slug}`]
  const withFallbackImage = [
    '',
    '/stories',
    '/stories/page/2',
    `/stories/tag/${tags[0]!.slug}`,
    '/programs',
    '/get-involved',
    '/search?q=a',
    '/no-such-page',
  ]
  /** The language switcher is checked on these pages in Russian. */
  const withSwitcher = ['', '/stories', '/stories/page/2', `/programs/${program.slug}`, '/get-involved', '/search']

  for (const locale of siteLocales) {
    const bilingual = locale !== 'kk'
    // Search comes last, so that a failure there cannot hide the other pages.
    const rests = [...new Set([...withOwnImage, ...withFallbackImage, ...(bilingual ? withCanonical : [])])].sort(
      (a, b) => Number(a.startsWith('/search')) - Number(b.startsWith('/search')),
    )
    const title =
      (bilingual ? 'canonical and hreflang alternates, Article and NGO JSON-LD, ' : '') +
      'a share image that loads on every page type, falling back to the one in site settings' +
      (locale === 'ru' ? ', and the language switcher links every page to itself in each language' : '')

    test(`${title}, ${locale}`, async ({ page, request }) => {
      const [settings, stories] = await Promise.all(
        ['/api/globals/site-settings?depth=1', `/api/stories?where[slug][equals]=${story.slug}&depth=1`].map(
          async (url) => (await request.get(url)).json(),
        ),
      )
      const fallback = settings.shareImage as { url: string; sizes: { share: { url: string } } }
      expect(fallback?.sizes?.share?.url, 'the seeded default share image').toBeTruthy()
      const storyShare = stories.docs[0].heroImage.sizes.share as { url: string; width: number; height: number }
      expect(storyShare).toMatchObject({ width: 1200, height: 630 })
      /** Share images seen, each fetched once at the end, with the pages that name it. */
      const images = new Map<string, string[]>()

      for (const rest of rests) {
        const path = `/${locale}${rest}`
        await visit(page, path, rest === '/no-such-page' ? 404 : 200)
        const head = await headOf(page)

        if (bilingual && withCanonical.includes(rest)) {
          expect.soft(head.canonicalPaths, `${path}: canonical`).toEqual([path])
          for (const other of siteLocales) {
            expect.soft(head.alternatePaths(hreflang[other]), `${path} → ${other}`).toEqual([`/${other}${rest}`])
          }
          expect.soft(head.alternatePaths('x-default'), `${path}: x-default`).toEqual([`/en${rest}`])
        }

        const sharesImage = withOwnImage.includes(rest) || withFallbackImage.includes(rest)
        if (sharesImage) expect.soft(head.ogImage, `${path}: og:image`).toHaveLength(1)
        const url = sharesImage && head.ogImage.length === 1 ? new URL(head.ogImage[0]!) : null
        if (url) {
          expect.soft(url.origin, path).toBe(new URL(page.url()).origin)
          if (withFallbackImage.includes(rest))
            expect.soft(url.pathname, path).toBe(new URL(fallback.sizes.share.url, url).pathname)
          else expect.soft(url.pathname, path).not.toBe(new URL(fallback.sizes.share.url, url).pathname)
          images.set(url.pathname, [...(images.get(url.pathname) ?? []), path])
        }

        if (bilingual && rest === `/stories/${story.slug}`) {
          // A story shares its own image at the share size, and says it is an article.
          expect.soft(url?.pathname, path).toBe(new URL(storyShare.url, url ?? page.url()).pathname)
          expect.soft(url?.pathname, path).toMatch(/-1200x630\.\w+$/)
          expect.soft(head.ogImageWidth, `${path}: og:image:width`).toEqual(['1200'])
          expect.soft(head.ogImageHeight, `${path}: og:image:height`).toEqual(['630'])
          expect.soft(head.ogType, `${path}: og:type`).toEqual(['article'])
          expect.soft(head.twitterCard, `${path}: twitter:card`).toEqual(['summary_large_image'])
          const blocks = await jsonLd(page)
          const article = blocks.find((block) => block['@type'] === 'Article')
          expect.soft(article, JSON.stringify(blocks)).toMatchObject({
            '@context': 'https://schema.org',
            headline: storyTitle(story, locale),
            datePublished: story.publishedAt,
            inLanguage: hreflang[locale],
          })
          expect.soft(article && new URL(String(article.image)).pathname, path).toBe(url?.pathname)
        }

        if (bilingual && rest === '') {
          const blocks = await jsonLd(page)
          expect
            .soft(
              blocks.map((block) => block['@type']),
              path,
            )
            .toContain('NGO')
          expect
            .soft(
              blocks.find((block) => block['@type'] === 'NGO'),
              path,
            )
            .toMatchObject({
              '@context': 'https://schema.org',
              name: localized(siteSettings.organisationName, locale),
            })
        }

        if (locale === 'ru' && withSwitcher.includes(rest)) {
          const switcher = page.getByRole('navigation', { name: t('ru').languageSwitcher })
          for (const other of siteLocales) {
            await expect
              .soft(switcher.getByRole('link', { name: switcherLabel[other] }), `${path}: switcher → ${other}`)
              .toHaveAttribute('href', `/${other}${rest}`)
          }
        }
      }

      // The images load; several pages share one (the fallback), which is fetched once.
      expect(images.size, 'share images seen').toBeGreaterThan(0)
      await Promise.all(
        [...images].map(async ([image, paths]) => {
          const response = await request.get(image)
          expect.soft(response.status(), `${paths.join(', ')}: ${image}`).toBe(200)
          expect.soft(response.headers()['content-type'], `${paths.join(', ')}: ${image}`).toMatch(/^image\//)
        }),
      )
    })
  }
})

test.describe('without a browser', () => {
  test('/ redirects to the visitor’s language', async ({ request }) => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' }, '/ru'],
      [{ 'Accept-Language': 'kk-KZ,kk;q=0.9' }, '/kk'],
      [{ 'Accept-Language': 'de-DE,de;q=0.9,en-GB;q=0.5' }, '/en'],
      [{ 'Accept-Language': 'fr-FR,fr;q=0.9' }, '/en'],
      [{}, '/en'],
    ]
    for (const [headers, target] of cases) {
      const response = await request.get('/', { headers, maxRedirects: 0 })
      expect(response.status(), JSON.stringify(headers)).toBe(307)
      expect(new URL(response.headers().location!, 'http://x').pathname, JSON.stringify(headers)).toBe(target)
    }
    const old = await request.get('/stories?x=1', { headers: { 'Accept-Language': 'ru' }, maxRedirects: 0 })
    expect(old.status()).toBe(307)
    const location = new URL(old.headers().location!, 'http://x')
    expect(location.pathname + location.search).toBe('/ru/stories?x=1')
  })

  test('unknown pages answer 404 and are kept out of search engines', async ({ request }) => {
    // For a path to a story or program that does not exist, Next 16.3+ leaves the 404 message to
    // the browser (see lib/site/publicRoutes.ts); the status and noindex are the server's.
    for (const path of [
      '/en/stories/no-such-story',
      '/ru/no-such-page',
      '/kk/stories/no-such-story',
      '/ru/stories/page/3',
    ]) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(404)
      expect(await response.text(), path).toContain('<meta name="robots" content="noindex"/>')
    }
  })

  test('a path no page has is answered with the site’s 404, drawn by the server in the visitor’s language', async ({
    request,
  }) => {
    const name = localized(siteSettings.organisationName, 'en')
    for (const locale of siteLocales) {
      for (const rest of ['/no-such-page', '/stories/a/b/c', '/programs/x/y', '/wp-login.php']) {
        const path = `/${locale}${rest}`
        const response = await request.get(path)
        expect(response.status(), path).toBe(404)
        const html = await response.text()
        expect(html, path).toContain(`<html lang="${locale}"`)
        expect(html, path).toContain(`<h1>${escapeHtml(t(locale).notFoundTitle)}</h1>`)
        expect(html, path).toContain(escapeHtml(t(locale).notFoundText))
        expect(html, path).toContain(`class="site-header"`)
        expect(html, path).toContain(`class="site-footer"`)
        expect(html, path).toContain(escapeHtml(localized(siteSettings.organisationName, locale) || name))
        expect(html, path).toMatch(/<meta name="robots" content="noindex/)
      }
    }
  })

  test('sitemap.xml lists every story in every language', async ({ request }) => {
    const response = await request.get('/sitemap.xml')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/xml/)
    const xml = await response.text()
    const locs = pathsOf([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!))
    for (const locale of siteLocales) {
      for (const rest of ['', '/stories', '/programs', `/programs/${program.slug}`, '/get-involved']) {
        expect(locs).toContain(`/${locale}${rest}`)
      }
      for (const story of seedStories) expect(locs).toContain(`/${locale}/stories/${story.slug}`)
    }
    expect(locs.some((path) => path.startsWith('/admin') || path.startsWith('/api'))).toBe(false)
    expect(xml).toMatch(/hreflang="ru"/)
  })

  test('robots.txt keeps crawlers out of the admin and the API', async ({ request }) => {
    const response = await request.get('/robots.txt')
    expect(response.status()).toBe(200)
    const text = await response.text()
    const disallowed = [...text.matchAll(/^Disallow:\s*(\S+)/gim)].map((match) => match[1])
    expect(disallowed).toEqual(expect.arrayContaining(['/admin', '/api']))
    expect(text).toMatch(/^Sitemap:\s*\S+\/sitemap\.xml$/m)
  })

  test('each language has an Atom feed of its stories', async ({ request }) => {
    for (const locale of siteLocales) {
      const response = await request.get(`/${locale}/feed.xml`)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/)
      const xml = await response.text()
      expect(xml).toMatch(
        /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/,
      )
      expect(xml).toContain(`xml:lang="${locale}"`)
      const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((match) => match[1]!)
      expect(entries.length).toBeGreaterThanOrEqual(seedStories.length)
      for (const story of seedStories) {
        const entry = entries.find((body) =>
          new RegExp(`<link href="[^"]*/${locale}/stories/${story.slug}"/>`).test(body),
        )
        expect(entry, `${locale} feed entry for ${story.slug}`).toBeDefined()
        expect(entry).toContain(`<title>${storyTitle(story, locale)}</title>`)
        expect(entry).toContain(`<published>${story.publishedAt}</published>`)
      }
    }
    expect((await request.get('/xx/feed.xml')).status()).toBe(404)
  })
})
