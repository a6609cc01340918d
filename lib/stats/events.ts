import { isLocale } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/**
 * What the site's beacon may report, and nothing more: that a story was read (`view`) or that a
 * call to action on it was followed (`click`), in one language. No identifier of the reader,
 * no page address, no referrer, no time beyond the day it is counted on.
 */
export const countEvents = ['view', 'click'] as const
export type CountEvent = (typeof countEvents)[number]

export type CountBody = { event: CountEvent; story: string; locale: Locale }

/** A beacon body is three short fields; anything longer is not from Voices' own page. */
export const maxBodyBytes = 512

const fields = ['event', 'story', 'locale'] as const

/** Slugs are shared by all languages and made of letters, digits and dashes (lib/slugify.ts). */
const slugPattern = /^[\p{L}\p{N}_-]{1,200}$/u

/** The body as the site's beacon sends it, or why it is not: exactly these fields, these values. */
export function parseCountBody(text: string): { ok: true; body: CountBody } | { ok: false; error: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: 'Send a JSON object: { "event": "view" | "click", "story": "<slug>", "locale": "en" }.' }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'Send a JSON object: { "event": "view" | "click", "story": "<slug>", "locale": "en" }.' }
  }
  const record = value as Record<string, unknown>
  const extra = Object.keys(record).filter((key) => !(fields as readonly string[]).includes(key))
  if (extra.length) return { ok: false, error: `Unknown field: ${extra.join(', ')}.` }
  const { event, story, locale } = record
  if (!countEvents.includes(event as CountEvent)) return { ok: false, error: 'event must be "view" or "click".' }
  if (typeof story !== 'string' || !slugPattern.test(story)) {
    return { ok: false, error: 'story must be the slug of a published story.' }
  }
  if (!isLocale(locale)) return { ok: false, error: 'locale must be en, ru or kk.' }
  return { ok: true, body: { event: event as CountEvent, story, locale } }
}

/**
 * User agents that are not people reading: crawlers, link previews, monitors, headless browsers
 * and HTTP libraries. Matched case-insensitively anywhere in the header; a request with no user
 * agent at all is not a browser either. The header is only read here, never stored.
 */
export const botUserAgents = [
  'bot',
  'crawl',
  'spider',
  'slurp',
  'headless',
  'lighthouse',
  'pagespeed',
  'phantomjs',
  'puppeteer',
  'playwright',
  'selenium',
  'webdriver',
  'preview',
  'facebookexternalhit',
  'embedly',
  'curl',
  'wget',
  'python',
  'httpclient',
  'okhttp',
  'java/',
  'go-http-client',
  'node-fetch',
  'axios',
  'undici',
  'libwww',
  'postman',
  'insomnia',
  'monitor',
  'uptime',
  'pingdom',
  'scan',
  'fetch',
] as const

const botPattern = new RegExp(botUserAgents.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i')

export function isBot(userAgent: string | null): boolean {
  return !userAgent?.trim() || botPattern.test(userAgent)
}

/**
 * Whether the browser asked not to be tracked: Global Privacy Control (`Sec-GPC: 1`) or the older
 * Do Not Track (`DNT: 1`). Voices' counts are anonymous totals, which neither signal strictly
 * covers, but a reader who asked is simply not counted: it costs the organisation a few numbers
 * and keeps the promise plain.
 */
export function declinedTracking(headers: Headers): boolean {
  return headers.get('sec-gpc')?.trim() === '1' || headers.get('dnt')?.trim() === '1'
}
