import type { Payload } from 'payload'

import type { User } from '@/payload-types'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clientKey } from '@/lib/abuse/clientKey'
import { createRateLimiter } from '@/lib/abuse/rateLimit'
import { csvCell, toCsv } from '@/lib/csv'
import type { Locale } from '@/lib/locales'
import { publishedStoryId } from '@/lib/site/publicApi'
import { createStatsBuffer, type StatsDelta } from '@/lib/stats/buffer'
import { countRequest, type CountDeps } from '@/lib/stats/countRequest'
import { incrementStoryStats } from '@/lib/stats/increment'
import { storyReach } from '@/lib/stats/reach'
import { documentsByStory, reachSources } from '@/lib/stats/sources'
import { reachWindow } from '@/lib/stats/window'
import { addDays, calendarDay } from '@/lib/timeZone'

import { createStory } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

/** A desktop Chrome, as readers send it. */
const browser =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/** 20:00 UTC on New Year's Day is already 2 January in Almaty, the site's default zone. */
const newYearEvening = new Date('2026-01-01T20:00:00.000Z')

type Stats = { views: number; clicks: number }

async function statsOf(story: string, locale?: Locale): Promise<Stats> {
  const { docs } = await payload.find({
    collection: 'story-stats',
    where: { and: [{ story: { equals: story } }, ...(locale ? [{ locale: { equals: locale } }] : [])] },
    pagination: false,
    depth: 0,
  })
  return docs.reduce((sum, row) => ({ views: sum.views + row.views, clicks: sum.clicks + row.clicks }), {
    views: 0,
    clicks: 0,
  })
}

describe('the counting endpoint', () => {
  let published: { id: string; slug: string }
  let draft: { id: string; slug: string }

  beforeAll(async () => {
    published = (await createStory(payload)) as { id: string; slug: string }
    draft = (await createStory(payload, { _status: 'draft' })) as { id: string; slug: string }
  })

  type Case = {
    name: string
    body?: unknown
    raw?: string
    headers?: Record<string, string | null>
    preview?: boolean
    /** Counts this client already sent in the rate-limit window (the limit is 3 here). */
    earlier?: number
    status: number
    reason?: string
    counted: 'view' | 'click' | null
  }

  const view = (story = 'PUBLISHED', locale = 'en') => ({ event: 'view', story, locale })

  const cases: Case[] = [
    { name: 'a good view', body: view(), status: 202, counted: 'view' },
    { name: 'a good click', body: { ...view(), event: 'click' }, status: 202, counted: 'click' },
    { name: 'a view in Kazakh', body: view('PUBLISHED', 'kk'), status: 202, counted: 'view' },
    {
      name: 'a crawler',
      body: view(),
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      status: 200,
      reason: 'bot',
      counted: null,
    },
    { name: 'curl', body: view(), headers: { 'user-agent': 'curl/8.5.0' }, status: 200, reason: 'bot', counted: null },
    {
      name: 'a headless browser',
      body: view(),
      headers: { 'user-agent': browser.replace('Chrome/', 'HeadlessChrome/') },
      status: 200,
      reason: 'bot',
      counted: null,
    },
    { name: 'no user agent', body: view(), headers: { 'user-agent': '' }, status: 200, reason: 'bot', counted: null },
    { name: 'a body that is not JSON', raw: 'event=view', status: 400, counted: null },
    { name: 'a list', body: [view()], status: 400, counted: null },
    { name: 'an unknown event', body: { ...view(), event: 'scroll' }, status: 400, counted: null },
    { name: 'an extra field', body: { ...view(), referrer: 'https://example.org' }, status: 400, counted: null },
    { name: 'a missing field', body: { event: 'view', story: 'PUBLISHED' }, status: 400, counted: null },
    { name: 'an unknown language', body: view('PUBLISHED', 'de'), status: 400, counted: null },
    { name: 'a path for a slug', body: view('../admin'), status: 400, counted: null },
    {
      name: 'an oversized body',
      raw: JSON.stringify({ ...view(), story: 'x'.repeat(600) }),
      status: 413,
      counted: null,
    },
    { name: 'an unknown slug', body: view('no-such-story'), status: 404, counted: null },
    { name: 'a slug named like a built-in property', body: view('constructor'), status: 404, counted: null },
    { name: 'an unpublished story', body: view('DRAFT'), status: 404, counted: null },
    {
      name: 'a staff preview (draft mode)',
      body: view(),
      preview: true,
      status: 200,
      reason: 'preview',
      counted: null,
    },
    { name: 'Do Not Track', body: view(), headers: { dnt: '1' }, status: 200, reason: 'do-not-track', counted: null },
    {
      name: 'Global Privacy Control',
      body: view(),
      headers: { 'sec-gpc': '1' },
      status: 200,
      reason: 'do-not-track',
      counted: null,
    },
    {
      name: 'another site’s page',
      body: view(),
      headers: { 'sec-fetch-site': 'cross-site' },
      status: 403,
      counted: null,
    },
    {
      name: 'a page on another origin',
      body: view(),
      headers: { origin: 'https://evil.example' },
      status: 403,
      counted: null,
    },
    {
      name: 'a request with neither Origin nor Sec-Fetch-Site',
      body: view(),
      headers: { 'sec-fetch-site': null },
      status: 403,
      counted: null,
    },
    {
      name: 'a view from Voices’ own origin',
      body: view(),
      headers: { origin: 'http://voices.test' },
      status: 202,
      counted: 'view',
    },
    { name: 'a view within the rate limit', body: view(), earlier: 2, status: 202, counted: 'view' },
    { name: 'a view over the rate limit', body: view(), earlier: 3, status: 429, counted: null },
  ]

  let address = 0

  for (const test of cases) {
    it(`${test.name}: ${test.status}, ${test.counted ? `counted as a ${test.counted}` : 'not counted'}`, async () => {
      const recorded: StatsDelta[] = []
      const buffer = createStatsBuffer({ intervalMs: 0, write: (delta) => incrementStoryStats(payload, delta) })
      const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 })
      address += 1
      const client = `203.0.113.${address}`
      const deps: CountDeps = {
        isPreview: async () => test.preview ?? false,
        publishedStory: (slug) => publishedStoryId(slug),
        timeZone: async () => 'Asia/Almaty',
        limiter,
        record: (delta) => {
          recorded.push(delta)
          buffer.add(delta)
        },
        now: () => newYearEvening,
      }
      const headers = new Headers({ 'user-agent': browser, 'x-forwarded-for': client, 'sec-fetch-site': 'same-origin' })
      for (const [name, value] of Object.entries(test.headers ?? {}))
        if (value === null) headers.delete(name)
        else headers.set(name, value)
      const body = (test.raw ?? JSON.stringify(test.body))
        .replace('PUBLISHED', published.slug)
        .replace('DRAFT', draft.slug)
      for (let i = 0; i < (test.earlier ?? 0); i++) limiter.take(clientKey(headers, 'count'))

      const before = await statsOf(published.id)
      const response = await countRequest(
        new Request('http://voices.test/next/count', { method: 'POST', headers, body }),
        deps,
      )
      await buffer.flush()
      const after = await statsOf(published.id)

      expect(response.status, await response.clone().text()).toBe(test.status)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('set-cookie')).toBeNull()
      const json = (await response.json()) as { counted?: boolean; reason?: string; error?: string }
      if (test.status >= 400) expect(json.error).toBeTruthy()
      if (test.reason) expect(json).toEqual({ counted: false, reason: test.reason })
      if (test.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(after).toEqual({
        views: before.views + (test.counted === 'view' ? 1 : 0),
        clicks: before.clicks + (test.counted === 'click' ? 1 : 0),
      })
      expect(await statsOf(draft.id)).toEqual({ views: 0, clicks: 0 })
      if (test.counted) {
        // On the day it is in the organisation's time zone, in the language read.
        expect(recorded).toEqual([
          expect.objectContaining({
            story: published.id,
            day: '2026-01-02',
            locale: (test.body as { locale: string }).locale,
          }),
        ])
      } else expect(recorded).toEqual([])
    })
  }
})

describe('story statistics', () => {
  it('keep every one of 200 concurrent increments, in one row', async () => {
    const story = await createStory(payload)
    const delta = { story: story.id, locale: 'ru' as const, day: '2026-02-03', views: 1, clicks: 0 }
    await Promise.all(Array.from({ length: 200 }, (_, i) => incrementStoryStats(payload, { ...delta, clicks: i % 2 })))
    const { docs } = await payload.find({ collection: 'story-stats', where: { story: { equals: story.id } }, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ views: 200, clicks: 100, locale: 'ru', day: '2026-02-03' })
  })

  it('keep every count when several servers flush their buffers at once', async () => {
    const story = await createStory(payload)
    const servers = Array.from({ length: 4 }, () =>
      createStatsBuffer({ intervalMs: 0, write: (delta) => incrementStoryStats(payload, delta) }),
    )
    for (const buffer of servers) {
      for (let i = 0; i < 25; i++) {
        buffer.add({ story: story.id, locale: 'en', day: '2026-02-03', views: 1, clicks: 0 })
        buffer.add({ story: story.id, locale: 'kk', day: '2026-02-03', views: 0, clicks: 1 })
      }
      expect(buffer.pending()).toBe(2)
    }
    await Promise.all(servers.map((buffer) => buffer.flush()))
    expect(await statsOf(story.id, 'en')).toEqual({ views: 100, clicks: 0 })
    expect(await statsOf(story.id, 'kk')).toEqual({ views: 0, clicks: 100 })
  })

  it('hold nothing but the story, language, day and the two counts', async () => {
    const story = await createStory(payload)
    await incrementStoryStats(payload, { story: story.id, locale: 'en', day: '2026-02-04', views: 2, clicks: 1 })
    const { docs } = await payload.find({ collection: 'story-stats', where: { story: { equals: story.id } }, depth: 0 })
    expect(Object.keys(docs[0]!).sort()).toEqual(['clicks', 'day', 'id', 'locale', 'story', 'views'])
  })

  it('keeps a count that failed to write for the next flush', async () => {
    let fail = true
    const written: StatsDelta[] = []
    const buffer = createStatsBuffer({
      intervalMs: 0,
      write: async (delta) => {
        if (fail) throw new Error('database busy')
        written.push(delta)
      },
    })
    buffer.add({ story: 's', locale: 'en', day: '2026-02-05', views: 1, clicks: 0 })
    await buffer.flush()
    expect(buffer.pending()).toBe(1)
    buffer.add({ story: 's', locale: 'en', day: '2026-02-05', views: 1, clicks: 1 })
    fail = false
    await buffer.flush()
    expect(written).toEqual([{ story: 's', locale: 'en', day: '2026-02-05', views: 2, clicks: 1 }])
    expect(buffer.pending()).toBe(0)
  })

  it('drops the counts of a story deleted before they were written, instead of retrying them forever', async () => {
    const story = await createStory(payload)
    const errors: Array<{ error: unknown; kept: boolean }> = []
    const buffer = createStatsBuffer({
      intervalMs: 0,
      write: (delta) => incrementStoryStats(payload, delta),
      onError: (error, kept) => errors.push({ error, kept }),
    })
    buffer.add({ story: story.id, locale: 'en', day: '2026-02-07', views: 2, clicks: 1 })
    await payload.delete({ collection: 'stories', id: story.id })
    await buffer.flush()
    // Reported as dropped, so the log does not promise a retry that never comes.
    expect(errors.map(({ kept }) => kept)).toEqual([false])
    expect(buffer.pending()).toBe(0)
  })

  it('go with their story when it is deleted', async () => {
    const story = await createStory(payload)
    await incrementStoryStats(payload, { story: story.id, locale: 'en', day: '2026-02-06', views: 3, clicks: 0 })
    await payload.delete({ collection: 'stories', id: story.id })
    const { totalDocs } = await payload.count({ collection: 'story-stats', where: { story: { equals: story.id } } })
    expect(totalDocs).toBe(0)
  })
})

describe('the last 30 days', () => {
  it('are calendar days in the site’s time zone, today included', () => {
    expect(reachWindow(newYearEvening, 'Asia/Almaty')).toEqual({
      since: '2025-12-04',
      until: '2026-01-02',
      days: 30,
      timeZone: 'Asia/Almaty',
    })
    expect(reachWindow(newYearEvening, 'Europe/London')).toMatchObject({ since: '2025-12-03', until: '2026-01-01' })
    // An invalid setting falls back to Almaty rather than failing the dashboard.
    expect(reachWindow(newYearEvening, 'Mars/Olympus').timeZone).toBe('Asia/Almaty')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(calendarDay(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29')
  })

  it('sum views and clicks per story over the window only, sorted by clicks', async () => {
    const now = new Date()
    const { timeZone } = await payload.findGlobal({ slug: 'site-settings', depth: 0, select: { timeZone: true } })
    const { since, until } = reachWindow(now, timeZone)
    const [quiet, moving] = [await createStory(payload), await createStory(payload)]
    const add = (story: string, locale: Locale, day: string, views: number, clicks: number) =>
      incrementStoryStats(payload, { story, locale, day, views, clicks })
    await add(quiet.id, 'en', until, 50, 1)
    await add(quiet.id, 'en', addDays(since, -1), 1000, 1000) // a day before the window
    await add(moving.id, 'en', since, 5, 2)
    await add(moving.id, 'ru', until, 5, 3)
    await add(moving.id, 'kk', addDays(until, 1), 1000, 1000) // tomorrow, by the site's clock

    const { rows, sources, window } = await storyReach(payload, { now })
    expect(window).toMatchObject({ since, until })
    expect(sources.map((source) => source.key)).toEqual(['views', 'clicks', 'inquiries', 'signups'])
    const mine = rows.filter((row) => row.id === quiet.id || row.id === moving.id)
    expect(mine.map((row) => [row.title, row.counts])).toEqual([
      [moving.title, { views: 10, clicks: 5, inquiries: 0, signups: 0 }],
      [quiet.title, { views: 50, clicks: 1, inquiries: 0, signups: 0 }],
    ])
    const byViews = (await storyReach(payload, { now, sortBy: 'views' })).rows.filter((row) =>
      [quiet.id, moving.id].includes(row.id),
    )
    expect(byViews.map((row) => row.id)).toEqual([quiet.id, moving.id])
  })

  it('count inquiries and sign-ups by story where their collections exist, by the site’s calendar', async () => {
    // Voices has both collections, so all four columns are on.
    expect(reachSources.filter((source) => source.available(payload)).map((source) => source.key)).toEqual([
      'views',
      'clicks',
      'inquiries',
      'signups',
    ])
    const window = reachWindow(newYearEvening, 'Asia/Almaty')
    const docs = [
      { story: 'a', createdAt: '2026-01-01T20:00:00.000Z' }, // 2 January in Almaty: in
      { story: { id: 'a' }, createdAt: '2025-12-03T19:30:00.000Z' }, // 4 December 00:30 in Almaty: in
      { story: 'b', createdAt: '2025-12-03T18:30:00.000Z' }, // 3 December 23:30 in Almaty: out
      { story: null, createdAt: '2026-01-01T10:00:00.000Z' },
    ]
    const queries: unknown[] = []
    const fake = {
      collections: {
        inquiries: {
          config: { flattenedFields: [{ name: 'story', type: 'relationship', relationTo: 'stories' }] },
        },
      },
      find: async (args: unknown) => {
        queries.push(args)
        return { docs }
      },
    } as unknown as Payload
    const inquiries = documentsByStory('inquiries', 'inquiries', { en: 'Inquiries', ru: 'Обращения' })
    expect(inquiries.available(fake)).toBe(true)
    expect(documentsByStory('subscribers', 'signups', { en: '', ru: '' }).available(fake)).toBe(false)
    expect([...(await inquiries.count(fake, window))]).toEqual([['a', 2]])
    expect(queries).toEqual([expect.objectContaining({ collection: 'inquiries', overrideAccess: true })])
  })
})

describe('who reads story statistics', () => {
  type Role = 'editor' | 'admin' | 'contributor' | 'safeguarding'
  const users = {} as Record<Role, User>
  const tokens = {} as Record<Role, string>
  let story: { id: string; slug: string }
  let row: string

  beforeAll(async () => {
    for (const role of ['editor', 'admin', 'contributor', 'safeguarding'] as const) {
      users[role] = await createStaff(payload, role)
      tokens[role] = await tokenFor(payload, users[role].email)
    }
    story = (await createStory(payload, { title: '=HYPERLINK("http://evil.example","Read me")' })) as typeof story
    await incrementStoryStats(payload, {
      story: story.id,
      locale: 'en',
      day: reachWindow(new Date(), 'Asia/Almaty').until,
      views: 7,
      clicks: 3,
    })
    row = String(
      (await payload.find({ collection: 'story-stats', where: { story: { equals: story.id } }, depth: 0 })).docs[0]!.id,
    )
  })

  const readers = ['editor', 'admin'] as const
  const others = [null, 'contributor', 'safeguarding'] as const

  it('editors and admins read them; anonymous visitors, contributors and safeguarding staff do not', async () => {
    for (const role of readers) {
      const response = await rest('GET', `/api/story-stats?where[story][equals]=${story.id}`, { token: tokens[role] })
      expect(response.status, role).toBe(200)
      expect(((await response.json()) as { docs: Array<{ views: number }> }).docs[0]?.views, role).toBe(7)
    }
    for (const role of others) {
      const token = role ? tokens[role] : null
      for (const path of ['/api/story-stats', `/api/story-stats/${row}`]) {
        const response = await rest('GET', path, { token })
        expect(response.status, `${role ?? 'anonymous'} ${path}`).toBe(403)
      }
      const req = await requestAs(payload, role ? users[role] : null)
      await expect(payload.find({ collection: 'story-stats', overrideAccess: false, req })).rejects.toThrow(
        /not allowed/i,
      )
    }
  })

  it('nobody writes them through any API, admins included, and nothing changes', async () => {
    for (const role of [null, 'contributor', 'safeguarding', 'editor', 'admin'] as const) {
      const token = role ? tokens[role] : null
      const who = role ?? 'anonymous'
      const created = await rest('POST', '/api/story-stats', {
        token,
        body: { story: story.id, locale: 'ru', day: '2026-02-07', views: 1000, clicks: 1000 },
      })
      expect(created.status, `${who} create`).toBe(403)
      expect(
        (await rest('PATCH', `/api/story-stats/${row}`, { token, body: { views: 1000 } })).status,
        `${who} update`,
      ).toBe(403)
      expect((await rest('DELETE', `/api/story-stats/${row}`, { token })).status, `${who} delete`).toBe(403)
    }
    expect(await statsOf(story.id)).toEqual({ views: 7, clicks: 3 })
  })

  it('are not in GraphQL at all', async () => {
    const result = await graphql('{ StoryStats { docs { views } } }', tokens.admin)
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field/)
  })

  it('never reach the stories API, and the list columns cannot be written', async () => {
    for (const token of [null, tokens.contributor, tokens.editor]) {
      const list = await rest('GET', `/api/stories?where[id][equals]=${story.id}&depth=0`, { token })
      const text = await list.text()
      expect(text).toContain(story.slug)
      expect(text).not.toMatch(/recentViews|recentClicks|"views"|"clicks"/)
    }
    const patched = await rest('PATCH', `/api/stories/${story.id}`, {
      token: tokens.editor,
      body: { recentViews: 1000, recentClicks: 1000 },
    })
    expect(patched.status).toBe(200)
    expect(await statsOf(story.id)).toEqual({ views: 7, clicks: 3 })
  })

  it('export as CSV for editors and admins only, escaped against spreadsheet formulas', async () => {
    expect((await rest('GET', '/api/story-stats/export')).status).toBe(401)
    for (const role of ['contributor', 'safeguarding'] as const) {
      expect((await rest('GET', '/api/story-stats/export', { token: tokens[role] })).status, role).toBe(403)
    }
    for (const role of readers) {
      const response = await rest('GET', '/api/story-stats/export', { token: tokens[role] })
      expect(response.status, role).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="stories-that-move-people-/)
      const csv = await response.text()
      const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
      expect(lines[0]).toBe('Story,Slug,Views,Clicks,Inquiries,Sign-ups')
      expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"",""Read me"")",${story.slug},7,3,0,0`)
    }
  })
})

describe('CSV cells', () => {
  const cases: Array<[string | number | null, string]> = [
    ['The first circle', 'The first circle'],
    ['=1+1', "'=1+1"],
    ['+7 701 000 00 00', "'+7 701 000 00 00"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tindented', "'\tindented"],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['Comma, inside', '"Comma, inside"'],
    ['Line\nbreak', '"Line\nbreak"'],
    ['Он сказал "да"', '"Он сказал ""да"""'],
    ['a-b = c', 'a-b = c'],
    [42, '42'],
    [-3, '-3'],
    [null, ''],
  ]
  for (const [value, expected] of cases) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => {
      expect(csvCell(value)).toBe(expected)
    })
  }

  it('start with a byte-order mark and end lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['Қазақша', 2],
      ]),
    ).toBe('\uFEFFa,1\r\nҚазақша,2\r\n')
  })
})
