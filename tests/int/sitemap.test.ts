import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sitemapResponse } from '@/lib/site/sitemap'

import { createStory } from '../helpers/content'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * The sitemap lists every published story in every language. Past one part's worth of stories
 * it becomes an index of parts; here a part holds two stories, so a handful of stories shows
 * what 10,000 do with a thousand a part.
 */
let payload: Payload
let published: string[]
let draft: string

beforeAll(async () => {
  payload = await startPayload()
  for (let i = 0; i < 5; i += 1) await createStory(payload)
  draft = (await createStory(payload, { _status: 'draft' })).slug!
  const { docs } = await payload.find({
    collection: 'stories',
    where: { _status: { equals: 'published' } },
    pagination: false,
    depth: 0,
  })
  published = docs.map((story) => story.slug!)
})

afterAll(() => stopPayload(payload))

const read = async (part: string | null, size?: number) => {
  const response = await sitemapResponse(part, size)
  return { status: response.status, type: response.headers.get('content-type'), xml: await response.text() }
}
const locs = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!.replace(/&amp;/g, '&')))
const storySlugs = (xml: string, locale = 'en') =>
  locs(xml)
    .map((url) => url.pathname.match(new RegExp(`^/${locale}/stories/([^/]+)$`))?.[1])
    .filter((slug): slug is string => Boolean(slug))

describe('the sitemap', () => {
  it('lists every page and every published story in every language while they fit one part', async () => {
    const { status, type, xml } = await read(null)
    expect(status).toBe(200)
    expect(type).toMatch(/xml/)
    expect(xml).toContain('<urlset')
    for (const locale of ['en', 'ru', 'kk']) {
      expect(storySlugs(xml, locale).sort()).toEqual([...published].sort())
      expect(locs(xml).map((url) => url.pathname)).toEqual(expect.arrayContaining([`/${locale}`, `/${locale}/stories`]))
    }
    expect(xml).not.toContain(draft)
  })

  it('becomes an index of parts beyond that, whose parts list every story exactly once', async () => {
    const index = await read(null, 2)
    expect(index.xml).toContain('<sitemapindex')
    const parts = locs(index.xml).map((url) => url.searchParams.get('part'))
    const storyParts = Math.ceil(published.length / 2)
    expect(parts).toEqual(['pages', ...Array.from({ length: storyParts }, (_, i) => `stories-${i + 1}`)])
    const pages = await read('pages', 2)
    expect(storySlugs(pages.xml)).toEqual([])
    expect(locs(pages.xml).map((url) => url.pathname)).toContain('/ru/get-involved')
    const listed: string[] = []
    for (const part of parts.slice(1)) {
      const { status, xml } = await read(part, 2)
      expect(status).toBe(200)
      expect(xml).toContain('<urlset')
      expect(storySlugs(xml).length).toBeLessThanOrEqual(2)
      expect(storySlugs(xml, 'kk')).toEqual(storySlugs(xml))
      listed.push(...storySlugs(xml))
    }
    expect(listed.sort()).toEqual([...published].sort())
  })

  it('answers 404 for a part that does not exist', async () => {
    for (const part of ['stories-0', `stories-${published.length + 1}`, 'stories-x', 'other', '', 'stories-1 ']) {
      expect((await read(part, 2)).status, part).toBe(404)
    }
  })
})
