import config from '@payload-config'
import { draftMode } from 'next/headers'
import { getPayload } from 'payload'

import { createRateLimiter } from '@/lib/abuse/rateLimit'
import { defaultLocale } from '@/lib/locales'
import { publishedStoryId, siteSettings } from '@/lib/site/publicApi'
import { timeZoneOrDefault } from '@/lib/timeZone'

import { createStatsBuffer } from './buffer'
import type { CountDeps } from './countRequest'
import { incrementStoryStats } from './increment'

/** How often buffered counts are written (see buffer.ts for what that trades). */
export const flushIntervalMs = 5_000

/**
 * A reader opens a story and perhaps follows its call to action: a handful of counts a minute.
 * Sixty a minute per client leaves room for readers sharing one address (an office, a mobile
 * network), and stops one client from adding thousands.
 */
export const countLimit = { limit: 60, windowMs: 60_000 }

const buffer = createStatsBuffer({
  intervalMs: flushIntervalMs,
  write: async (delta) => incrementStoryStats(await getPayload({ config }), delta),
  // A story deleted since its views were counted is an everyday event, not a fault.
  onError: (error, kept) =>
    kept
      ? console.error('Story statistics could not be written; they are kept for the next try.', error)
      : console.warn('Story statistics of a story deleted since were dropped.'),
})

/** The counting endpoint as the running site uses it: one buffer and one rate limit per server. */
export const liveCounting: CountDeps = {
  isPreview: async () => (await draftMode()).isEnabled,
  publishedStory: publishedStoryId,
  timeZone: async () => timeZoneOrDefault((await siteSettings(defaultLocale)).timeZone),
  limiter: createRateLimiter(countLimit),
  record: (delta) => buffer.add(delta),
}
