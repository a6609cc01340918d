import { type APIRequestContext, expect, type Page, type TestInfo } from '@playwright/test'

import { en, type Messages } from '../lib/i18n/messages/en'
import { kk } from '../lib/i18n/messages/kk'
import { ru } from '../lib/i18n/messages/ru'
import { defaultTimeZone } from '../lib/timeZone'
import { wepProgram } from '../seed/content/program'
import { type DemoStory, stories } from '../seed/content/stories'
import type { Localized } from '../seed/content/types'

/**
 * Shared by the public-site specs: what the seed wrote (imported from the seed modules, so the
 * tests follow the demo content), the UI strings, and small page helpers.
 */

export type SiteLocale = 'en' | 'ru' | 'kk'

export const siteLocales: SiteLocale[] = ['en', 'ru', 'kk']

/** Pages declare their language alone: `en`, `ru`, `kk`. */
export const hreflang: Record<SiteLocale, string> = { en: 'en', ru: 'ru', kk: 'kk' }
/** Dates and numbers are formatted as the site formats them (lib/i18n `intlLocale`). */
const intlTag: Record<SiteLocale, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }

export const switcherLabel: Record<SiteLocale, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' }

const dictionaries: Record<SiteLocale, Messages> = { en, ru, kk }

export function t(locale: SiteLocale): Messages {
  return dictionaries[locale]
}

export const viewports = [
  { name: 'mobile', size: { width: 375, height: 740 } },
  { name: 'desktop', size: { width: 1280, height: 900 } },
] as const

export const program = wepProgram

/** Seed stories, oldest first. */
export const seedStories: DemoStory[] = [...stories].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))

export function seedStory(slug: string): DemoStory {
  const story = stories.find((s) => s.slug === slug)
  if (!story) throw new Error(`No seed story "${slug}"`)
  return story
}

/** Whether the seed translated the story: it writes a translation only when title and body both exist. */
export function isTranslated(story: DemoStory, locale: SiteLocale): boolean {
  return locale === 'en' || Boolean(story.title[locale] && story.body[locale])
}

/** The title the site shows in a locale: the translation, or the English original. */
export function storyTitle(story: DemoStory, locale: SiteLocale): string {
  return isTranslated(story, locale) ? story.title[locale]! : story.title.en
}

/** A localized seed value, falling back to English like the site does. */
export function localized(value: Localized, locale: SiteLocale): string {
  return value[locale] ?? value.en
}

/** The neighbours of a seed story by publish date. */
export function seedNeighbours(slug: string): { previous: DemoStory | null; next: DemoStory | null } {
  const index = seedStories.findIndex((s) => s.slug === slug)
  if (index < 0) throw new Error(`No seed story "${slug}"`)
  return { previous: seedStories[index - 1] ?? null, next: seedStories[index + 1] ?? null }
}

/** Dates as the site prints them: long style, in site settings' time zone, which the seed leaves at the default. */
export function siteDate(iso: string, locale: SiteLocale): string {
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'long', timeZone: defaultTimeZone }).format(
    new Date(iso),
  )
}

/** Impact figures as the site prints them: plain whole numbers are grouped the local way. */
export function siteNumber(value: string, locale: SiteLocale): string {
  return /^\d+$/.test(value) ? new Intl.NumberFormat(intlTag[locale]).format(Number(value)) : value
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A full-page screenshot kept with the test's results (never in git). */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true, animations: 'disabled' })
  await testInfo.attach(name, { body, contentType: 'image/png' })
}

/** The page fits the window's width: nothing forces a sideways scroll, on a phone in particular. */
export async function expectFitsViewport(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth)
}

/** No link on a public page may lead into the admin, whatever its form (relative or absolute). */
export async function expectNoAdminLinks(page: Page): Promise<void> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))
  expect(hrefs.length, 'the page has links at all').toBeGreaterThan(0)
  const adminLinks = hrefs.filter((href) => /^\/admin(\/|$)/.test(new URL(href).pathname))
  expect(adminLinks, 'links into the admin').toEqual([])
  await expect(page.locator('a[href^="/admin"]')).toHaveCount(0)
}

/** Opens a public page and checks it answered with the expected status. */
export async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response, `no response for ${path}`).not.toBeNull()
  expect(response!.status(), `status of ${path}`).toBe(status)
}

type ApiStory = {
  id: string
  slug: string
  title: string
  publishedAt: string
  _status?: string
  program?: { id: string; slug: string } | string | null
}

/** Published stories as the public API lists them, newest first. */
export async function publishedStories(request: APIRequestContext, locale: SiteLocale): Promise<ApiStory[]> {
  const response = await request.get(`/api/stories?limit=100&depth=0&sort=-publishedAt&locale=${locale}`)
  expect(response.ok()).toBe(true)
  return (await response.json()).docs as ApiStory[]
}

export async function storyIdBySlug(request: APIRequestContext, slug: string): Promise<string> {
  const response = await request.get(`/api/stories?where[slug][equals]=${encodeURIComponent(slug)}&depth=0&draft=false`)
  expect(response.ok()).toBe(true)
  const { docs } = (await response.json()) as { docs: ApiStory[] }
  expect(docs, `story ${slug}`).toHaveLength(1)
  return docs[0]!.id
}

/** The JSON-LD blocks of the current page, parsed. */
export async function jsonLd(page: Page): Promise<Array<Record<string, unknown>>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>)
}

/** Paths (without origin) of the <loc> entries of a sitemap or the links of a feed. */
export function pathsOf(urls: string[]): string[] {
  return urls.map((url) => new URL(url).pathname)
}
