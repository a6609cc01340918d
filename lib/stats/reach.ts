import type { Payload } from 'payload'

import { defaultLocale, type Locale } from '@/lib/locales'

import { activeReachSources, type ReachSource } from './sources'
import { reachWindow, type ReachWindow } from './window'

export type ReachRow = { id: string; title: string; slug: string; counts: Record<string, number> }

export type Reach = { window: ReachWindow; sources: ReachSource[]; rows: ReachRow[] }

export type ReachCounts = { window: ReachWindow; sources: ReachSource[]; byStory: Map<string, Record<string, number>> }

/**
 * Each active source's count per story over the last 30 days in the site's time zone, for the
 * stories that have any. Voices' own read: only call it for editors and admins.
 */
export async function reachCounts(payload: Payload, now = new Date()): Promise<ReachCounts> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, select: { timeZone: true } })
  const window = reachWindow(now, settings.timeZone)
  const sources = activeReachSources(payload)
  const counts = await Promise.all(sources.map((source) => source.count(payload, window)))
  const byStory = new Map<string, Record<string, number>>()
  for (const id of new Set(counts.flatMap((perStory) => [...perStory.keys()]))) {
    byStory.set(id, Object.fromEntries(sources.map((source, i) => [source.key, counts[i]!.get(id) ?? 0])))
  }
  return { window, sources, byStory }
}

/**
 * "Stories that move people": the counts with each story's title and slug, sorted by `sortBy`
 * (clicks unless told), then by the other columns in order, then by title.
 */
export async function storyReach(
  payload: Payload,
  { now = new Date(), sortBy, locale = defaultLocale }: { now?: Date; sortBy?: string | null; locale?: Locale } = {},
): Promise<Reach> {
  const { window, sources, byStory } = await reachCounts(payload, now)
  if (byStory.size === 0) return { window, sources, rows: [] }

  const { docs } = await payload.find({
    collection: 'stories',
    where: { id: { in: [...byStory.keys()] } },
    select: { title: true, slug: true },
    locale,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const rows: ReachRow[] = docs.map((story) => ({
    id: String(story.id),
    title: story.title || story.slug || String(story.id),
    slug: story.slug ?? '',
    counts: byStory.get(String(story.id)) ?? {},
  }))

  const keys = sources.map((source) => source.key)
  const first = sortBy && keys.includes(sortBy) ? sortBy : keys.includes('clicks') ? 'clicks' : keys[0]
  const order = [first, ...keys.filter((key) => key !== first)]
  rows.sort((a, b) => {
    for (const key of order) {
      const difference = (b.counts[key!] ?? 0) - (a.counts[key!] ?? 0)
      if (difference) return difference
    }
    return a.title.localeCompare(b.title)
  })
  return { window, sources, rows }
}
