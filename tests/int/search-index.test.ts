import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Locale } from '@/lib/locales'
import { fold } from '@/lib/search/fold'
import { SEARCH_PAGES, SEARCH_RESULTS_PER_PAGE, searchStories } from '@/lib/site/publicApi'
import { prepareSearchIndex, SEARCH_TABLE } from '@/lib/sqlite/searchIndex'
import { richText } from '@/seed/richText'

import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'
import { createStory, schedulePublish, writtenConsent } from '../helpers/content'

/**
 * The full-text index behind public search (lib/sqlite/searchIndex.ts) must answer exactly what
 * reading every published story would, after every way a story's text can change. Each row
 * below changes stories one way; after it, SQLite's own integrity check compares the index with
 * the stories' text, and every query is answered both by search and by reading all stories.
 */
let payload: Payload
const onSqlite = process.env.VOICES_TEST_DB !== 'mongodb'

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const client = () => (payload.db as unknown as SQLiteAdapter).client

const queries: Array<[Locale, string]> = [
  ['en', 'lantern'],
  ['en', 'LANTERN harbour'],
  ['en', 'arb'],
  ['en', 'of'],
  ['en', 'a'],
  ['ru', 'фонарь'],
  ['ru', 'ЁЛКА'],
  ['ru', 'елк'],
  ['kk', 'Шам'],
  ['kk', 'ҮМІТ'],
  // Characters with a meaning to the index's query language or to LIKE are only text.
  ['en', '"lantern'],
  ['en', 'lantern*'],
  ['en', 'NEAR(lantern harbour)'],
  ['en', 'lantern OR harbour'],
  ['en', '-harbour'],
  ['en', '100%'],
  ['en', 'a_b'],
  ['en', 'back\\slash'],
  // A NUL once cut the pattern short, and answered 500 from the index.
  ['en', 'lan\u0000tern'],
  ['en', '.\u0000'],
  ['en', '\u0000\u0000'],
]

const texts: Record<Locale, string[]> = {
  en: ['The lantern by the harbour', 'A harbour at night', 'Lanterns of Almaty, 100% together', 'back\\slash a_b'],
  ru: ['Фонарь у гавани', 'Ёлка во дворе', 'Третья история'],
  kk: ['Шам мен үміт', 'Жаңа күн'],
}

let k = 0
const next = <T>(list: T[]) => list[k++ % list.length]!

async function writeText(id: string, locale: Locale, draft = false) {
  await payload.update({
    collection: 'stories',
    id,
    locale,
    draft,
    data: { title: `${next(texts[locale])} ${k}`, body: richText(next(texts[locale])) },
    context: { signOff: { name: 'Test safeguarding officer' } },
  })
}

async function newStory(status: 'published' | 'draft' = 'published') {
  const story = await createStory(payload, { title: next(texts.en), body: richText(next(texts.en)), _status: status })
  await writeText(story.id, 'ru')
  await writeText(story.id, 'kk')
  return story.id
}

/** What search must find: every published story whose text in that language holds every word. */
async function expected(locale: Locale, query: string): Promise<string[]> {
  const words = fold(query).split(' ').filter(Boolean)
  if (words.length === 0) return []
  const all = await payload.find({
    collection: 'stories',
    locale,
    limit: 0,
    where: { _status: { equals: 'published' } },
    select: { searchIndex: true, publishedAt: true },
    sort: '-publishedAt',
  })
  return all.docs.filter((doc) => words.every((word) => (doc.searchIndex ?? '').includes(word))).map((doc) => doc.id)
}

/** Every result of a search, page after page, checking each page is full but the last. */
async function searchAll(query: string, locale: Locale): Promise<string[]> {
  const found: string[] = []
  for (let page = 1; ; page++) {
    const { stories, hasMore } = await searchStories(query, locale, page)
    found.push(...stories.map((story) => story.id))
    if (!hasMore) return found
    expect(stories, `page ${page} of “${query}” is full`).toHaveLength(SEARCH_RESULTS_PER_PAGE)
  }
}

async function expectSearchAsReading(step: string) {
  if (onSqlite) {
    // Throws if the index holds anything but the stories' text, or misses any of it.
    await expect(
      client().execute(`INSERT INTO ${SEARCH_TABLE}(${SEARCH_TABLE}, rank) VALUES ('integrity-check', 1)`),
      step,
    ).resolves.toBeDefined()
  }
  for (const [locale, query] of queries) {
    const found = await searchAll(query, locale)
    expect(found, `${step}: ${locale} “${query}”`).toEqual(await expected(locale, query))
  }
}

const ids: string[] = []

const writes: Array<[string, () => Promise<unknown>]> = [
  ['stories created in three languages', async () => ids.push(await newStory(), await newStory(), await newStory())],
  ['a draft created', async () => ids.push(await newStory('draft'))],
  ['a published story’s text changed', () => writeText(ids[0]!, 'en')],
  ['a draft saved over a published story', () => writeText(ids[1]!, 'ru', true)],
  ['a draft published', () => payload.update({ collection: 'stories', id: ids[3]!, data: { _status: 'published' } })],
  ['a story unpublished', () => payload.update({ collection: 'stories', id: ids[2]!, data: { _status: 'draft' } })],
  [
    'a bulk update',
    () =>
      payload.update({
        collection: 'stories',
        where: { id: { in: ids.slice(0, 2) } },
        locale: 'kk',
        data: { title: 'Шам жаңа', body: richText('Үміт бар') },
      }),
  ],
  [
    'a story duplicated',
    async () => ids.push(String((await payload.duplicate({ collection: 'stories', id: ids[0]! })).id)),
  ],
  [
    'an older version restored',
    async () => {
      const versions = await payload.findVersions({
        collection: 'stories',
        where: { parent: { equals: ids[0]! } },
        sort: 'createdAt',
        limit: 1,
      })
      await payload.restoreVersion({ collection: 'stories', id: String(versions.docs[0]!.id) })
    },
  ],
  [
    'a scheduled publish run by the jobs queue',
    async () => {
      const editor = await createStaff(payload, 'editor')
      await schedulePublish(payload, ids[2]!, editor.id)
      await payload.jobs.run({ queue: 'default' })
    },
  ],
  [
    'a consent withdrawal taking stories down',
    async () => {
      const person = await payload.create({
        collection: 'participants',
        data: { publicName: 'Lantern keeper', legalName: 'Legal Name', consent: writtenConsent(['name']) },
      })
      ids.push((await createStory(payload, { title: 'Lantern keeper', featuredParticipants: [person.id] })).id)
      await payload.update({
        collection: 'participants',
        id: person.id,
        data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
        req: await requestAs(payload, await createStaff(payload, 'safeguarding')),
        overrideAccess: false,
      })
    },
  ],
  ['a story deleted', () => payload.delete({ collection: 'stories', id: ids[1]! })],
  // Payload rewrites a story's languages as new rows; a migration or a repair may update in place.
  [
    'its text updated in place with SQL',
    async () => {
      if (!onSqlite) return
      await client().execute({
        sql: `UPDATE stories_locales SET search_index = 'harbour lantern, in place' WHERE _parent_id = ? AND _locale = 'en'`,
        args: [ids[0]!],
      })
    },
  ],
]

describe('search answers what reading every story would', () => {
  it.each(writes)('after %s', async (step, write) => {
    await write()
    await expectSearchAsReading(step)
  })
})

describe('search and drafts', () => {
  it('finds a draft’s words only once it is published, and none once it is unpublished', async () => {
    const story = await createStory(payload, { title: 'Published words only' })
    const find = (query: string) => searchAll(query, 'en')
    await payload.update({
      collection: 'stories',
      id: story.id,
      draft: true,
      data: { title: 'Unpublished quokkaword' },
      context: { signOff: { name: 'Test safeguarding officer' } },
    })
    expect(await find('quokkaword')).toEqual([])
    expect(await find('Published words only')).toEqual([story.id])
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' } })
    expect(await find('quokkaword')).toEqual([story.id])
    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'draft' } })
    expect(await find('quokkaword')).toEqual([])
  })
})

describe('search results a page at a time', () => {
  it('splits every match into full pages, newest first, each saying whether more follow', async () => {
    const start = Date.parse('2026-03-01T09:00:00Z')
    const made: string[] = []
    for (let i = 0; i < 2 * SEARCH_RESULTS_PER_PAGE + 2; i++) {
      const publishedAt = new Date(start + i * 60_000).toISOString()
      made.push((await createStory(payload, { title: `Pagedword story ${i}`, publishedAt })).id)
    }
    // Drafts with the word are never counted into a page.
    await createStory(payload, { title: 'Pagedword draft', _status: 'draft' })
    const newestFirst = [...made].reverse()
    const pages = [1, 2, 3, 4].map((page) => searchStories('pagedword', 'en', page))
    const [first, second, third, fourth] = await Promise.all(pages)
    expect(first!.stories.map((story) => story.id)).toEqual(newestFirst.slice(0, SEARCH_RESULTS_PER_PAGE))
    expect(second!.stories.map((story) => story.id)).toEqual(newestFirst.slice(SEARCH_RESULTS_PER_PAGE, 24))
    expect(third!.stories.map((story) => story.id)).toEqual(newestFirst.slice(24))
    expect([first, second, third].map((page) => page!.hasMore)).toEqual([true, true, false])
    expect(fourth).toEqual({ stories: [], hasMore: false })
    expect(await searchAll('pagedword', 'en')).toEqual(await expected('en', 'pagedword'))
  })

  it.each([0, -1, 1.5, Number.NaN, SEARCH_PAGES + 1])('reads nothing for page %s', async (page) => {
    await createStory(payload, { title: 'Pagedword outside' })
    expect(await searchStories('pagedword', 'en', page)).toEqual({ stories: [], hasMore: false })
  })
})

describe.runIf(onSqlite)('the search index on SQLite', () => {
  it('is built again when its triggers are gone, finding what was written meanwhile', async () => {
    // A schema change that rebuilds the stories' table takes its triggers with it.
    await client().execute(`DROP TRIGGER ${SEARCH_TABLE}_after_insert`)
    const written = (await createStory(payload, { title: 'Written while the index was away' })).id
    const find = () => searchAll('while the index', 'en')
    expect(await find()).not.toContain(written)
    expect(await prepareSearchIndex(client())).toBe('built')
    expect(await prepareSearchIndex(client())).toBe('ready')
    expect(await find()).toEqual([written])
    await expectSearchAsReading('after the rebuild')
  })

  it('stays out of the development schema push, which would otherwise drop it', async () => {
    const db = payload.db as unknown as SQLiteAdapter
    const { pushSchema } = db.requireDrizzleKit()
    const { hasDataLoss, warnings, apply } = await pushSchema(db.schema, db.drizzle as never)
    expect({ hasDataLoss, warnings }).toEqual({ hasDataLoss: false, warnings: [] })
    await apply()
    expect(await prepareSearchIndex(client())).toBe('built')
    await expectSearchAsReading('after a schema push')
  })
})
