import type { CollectionSlug, Payload, Where } from 'payload'

import { relationId } from '@/lib/relations'
import { addDays, calendarDay } from '@/lib/timeZone'

import { storyStatsSlug } from './increment'
import { inWindow, type ReachWindow } from './window'

/** How many of something each story led to in a window, by story ID. */
export type StoryCounts = Map<string, number>

/**
 * One column of "Stories that move people": what it counts per story over the window. Views and
 * clicks come from the counted story statistics; anything a visitor leaves with a `story`
 * relationship (an inquiry, a sign-up) is counted from its own collection.
 */
export type ReachSource = {
  key: string
  label: { en: string; ru: string }
  /** Whether this installation has what the source counts. */
  available(payload: Payload): boolean
  count(payload: Payload, window: ReachWindow): Promise<StoryCounts>
}

type Totals = Map<string, { views: number; clicks: number }>

// Views and clicks share one read of the statistics per window.
const totalsRead = new WeakMap<ReachWindow, Promise<Totals>>()

async function readTotals(payload: Payload, window: ReachWindow): Promise<Totals> {
  const { docs } = await payload.find({
    collection: storyStatsSlug,
    where: { and: [{ day: { greater_than_equal: window.since } }, { day: { less_than_equal: window.until } }] },
    select: { story: true, views: true, clicks: true },
    depth: 0,
    pagination: false,
    // Callers decide who may see the totals (editors and admins); this is Voices' own read.
    overrideAccess: true,
  })
  const totals: Totals = new Map()
  for (const row of docs) {
    const id = relationId(row.story)
    if (!id) continue
    const total = totals.get(id) ?? { views: 0, clicks: 0 }
    total.views += row.views ?? 0
    total.clicks += row.clicks ?? 0
    totals.set(id, total)
  }
  return totals
}

function storyStatsTotals(payload: Payload, window: ReachWindow): Promise<Totals> {
  let read = totalsRead.get(window)
  if (!read) {
    read = readTotals(payload, window)
    totalsRead.set(window, read)
  }
  return read
}

function counted(measure: 'views' | 'clicks', label: ReachSource['label']): ReachSource {
  return {
    key: measure,
    label,
    available: (payload) => Boolean(payload.collections[storyStatsSlug]),
    async count(payload, window) {
      const totals = await storyStatsTotals(payload, window)
      return new Map([...totals].map(([id, total]) => [id, total[measure]]))
    },
  }
}

function hasStoryField(payload: Payload, slug: string): boolean {
  const collection = payload.collections[slug as CollectionSlug]
  return Boolean(
    collection?.config.flattenedFields.some(
      (field) => field.name === 'story' && field.type === 'relationship' && field.relationTo === 'stories',
    ),
  )
}

/**
 * Documents of a collection that name the story they came from (`story`, a relationship to
 * stories), counted by their `createdAt` day in the site's time zone. Counted only where the
 * collection exists with that field, so a source can be declared before its collection is added.
 */
export function documentsByStory(slug: string, key: string, label: ReachSource['label'], where?: Where): ReachSource {
  return {
    key,
    label,
    available: (payload) => hasStoryField(payload, slug),
    async count(payload, window) {
      // A day early in UTC covers the window's first day in any zone; the exact day is checked below.
      const from = new Date(`${addDays(window.since, -1)}T00:00:00.000Z`).toISOString()
      const { docs } = await payload.find({
        collection: slug as CollectionSlug,
        where: {
          and: [{ story: { exists: true } }, { createdAt: { greater_than_equal: from } }, ...(where ? [where] : [])],
        },
        select: { story: true, createdAt: true } as Record<string, true>,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      const counts: StoryCounts = new Map()
      for (const doc of docs as Array<{ story?: unknown; createdAt?: string }>) {
        const id = relationId(doc.story)
        if (!id || !doc.createdAt || !inWindow(calendarDay(new Date(doc.createdAt), window.timeZone), window)) continue
        counts.set(id, (counts.get(id) ?? 0) + 1)
      }
      return counts
    },
  }
}

/**
 * Every column the panel, the stories list and the CSV can show, in order. Inquiries and
 * sign-ups appear as soon as their collections exist with a `story` relationship.
 */
export const reachSources: ReachSource[] = [
  counted('views', { en: 'Views', ru: 'Просмотры' }),
  counted('clicks', { en: 'Clicks', ru: 'Переходы' }),
  documentsByStory('inquiries', 'inquiries', { en: 'Inquiries', ru: 'Обращения' }),
  documentsByStory('subscribers', 'signups', { en: 'Sign-ups', ru: 'Подписки' }),
]

export function activeReachSources(payload: Payload): ReachSource[] {
  return reachSources.filter((source) => source.available(payload))
}
