import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'
import { publishProblems } from '@/privacy/publishing/publishProblems'

import { validationErrors } from '../helpers/errors'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * A real name typed by hand into a story, rather than a mention, would reach every reader. The
 * publishing policy refuses to put one live, in any field and language, whatever its case or
 * spelling of ё, and tells staff where it is, never whose it is. One declared table of stories.
 */
let payload: Payload
let editor: User

const participantName = 'Айгерим Нурлановна Садыкова'
const leaderName = 'Maria Ivanova'
/** A leader who agreed to be known by her own name: hers is public, and no hit. */
const namedLeader = 'Saule Akhmetova'

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'editor')
  await payload.create({ collection: 'participants', data: { publicName: 'Aigul', legalName: participantName } })
  await payload.create({ collection: 'participants', data: { publicName: 'Dana', legalName: 'Madina' } })
  await payload.create({ collection: 'leaders', data: { publicName: 'Coach M.', realName: leaderName } })
  await payload.create({ collection: 'leaders', data: { publicName: namedLeader, realName: namedLeader } })
})

afterAll(() => stopPayload(payload))

type Row = { name: string; data: Record<string, unknown>; locale?: 'en' | 'ru' | 'kk'; refused: string | null }

const rows: Row[] = [
  { name: 'in the title', data: { title: `Meeting ${leaderName}` }, refused: 'title' },
  {
    name: 'in the text, lower case',
    data: { body: richText(`I met ${leaderName.toLowerCase()} today.`) },
    refused: 'body',
  },
  {
    name: 'in the Russian text, with ё and line breaks',
    locale: 'ru',
    data: { title: 'Встреча', body: richText('Это была Айгерим  Нурлановна\nСадыкова.'.replace('е', 'ё')) },
    refused: 'body',
  },
  {
    name: 'in the Kazakh excerpt, in capitals',
    locale: 'kk',
    data: { title: 'Кездесу', body: richText('Мәтін.'), excerpt: participantName.toUpperCase() },
    refused: 'excerpt',
  },
  { name: 'in a pull quote', data: { body: richText({ pullQuote: `Thank you, ${leaderName}!` }) }, refused: 'body' },
  { name: 'in the address', data: { slug: 'maria-ivanova-at-work' }, refused: 'slug' },
  {
    name: 'in the search-engine description',
    data: { meta: { description: `A story about ${leaderName}.` } },
    refused: 'meta',
  },
  {
    name: 'without her patronymic',
    locale: 'ru',
    data: { title: 'Встреча', body: richText('Айгерим Садыкова пришла.') },
    refused: 'body',
  },
  {
    name: 'in Latin letters in the English text',
    data: { body: richText('Ajgerim Nurlanovna Sadykova came.') },
    refused: 'body',
  },
  { name: 'not at all', data: { body: richText('A morning at the group.') }, refused: null },
  { name: 'a name she made public', data: { body: richText(`${namedLeader} runs the group.`) }, refused: null },
  { name: 'a one-word real name', data: { body: richText('Madina came too.') }, refused: null },
  { name: 'part of a longer word', data: { body: richText('Maria Ivanovaite wrote.') }, refused: null },
]

let n = 0

async function draft(row: Row) {
  n += 1
  const { title, ...rest } = row.data
  const story = await payload.create({
    collection: 'stories',
    data: { title: `Real names ${n}`, slug: '', body: richText('Draft.') },
    draft: true,
  })
  await payload.update({
    collection: 'stories',
    id: story.id,
    locale: row.locale ?? 'en',
    data: { ...(title ? { title } : {}), ...rest } as never,
    draft: true,
  })
  return story.id
}

const publish = (id: string, locale = 'en') =>
  payload.update({
    collection: 'stories',
    id,
    locale: locale as 'en',
    data: { _status: 'published' },
    user: { ...editor, collection: 'users' as const },
    overrideAccess: false,
  })

describe('a real name typed into a story', () => {
  for (const row of rows) {
    it(`${row.name}: ${row.refused ? 'keeps it from going live' : 'goes live'}`, async () => {
      const id = await draft(row)
      const req = await requestAs(payload, editor)
      const problems = await publishProblems(id, req, new Date())
      const codes = problems.map((problem) => problem.code)
      if (!row.refused) {
        expect(codes).not.toContain('realNameInText')
        await publish(id, row.locale)
        expect((await payload.findByID({ collection: 'stories', id, depth: 0 }))._status).toBe('published')
        return
      }
      expect(codes).toContain('realNameInText')
      const errors = await validationErrors(publish(id, row.locale))
      const hit = errors.find((e) => e.path === row.refused)
      expect(hit, JSON.stringify(errors)).toBeTruthy()
      // Where, never whose: neither the real name nor the public name is in the message.
      for (const name of [participantName, leaderName, 'Aigul', 'Coach M.']) {
        expect(JSON.stringify(problems).toLowerCase()).not.toContain(name.toLowerCase())
        expect(hit!.message.toLowerCase()).not.toContain(name.toLowerCase())
      }
      expect((await payload.findByID({ collection: 'stories', id, depth: 0 }))._status).not.toBe('published')
    })
  }

  it('keeps a program from going live too', async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { name: `Program ${Date.now()}`, slug: '', summary: 'Weekly groups.' },
      draft: true,
    } as never)
    const errors = await validationErrors(
      payload.update({
        collection: 'programs',
        id: program.id,
        data: { _status: 'published', summary: `Led by ${leaderName}.` },
        user: { ...editor, collection: 'users' as const },
        overrideAccess: false,
      } as never),
    )
    expect(errors.map((e) => e.path)).toContain('summary')
    expect((await payload.findByID({ collection: 'programs', id: program.id, depth: 0 }))._status).not.toBe('published')
  })

  it('looks for each name as it is now: one recorded or changed after a check counts at once, the old one no more', async () => {
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: 'Zhanar', legalName: 'Gulnara Temirbekova' },
    })
    const id = await draft({ name: 'renamed', data: { title: 'Meeting Gulnara Temirbekova' }, refused: 'title' })
    const codes = async () =>
      (await publishProblems(id, await requestAs(payload, editor), new Date())).map((problem) => problem.code)
    expect(await codes()).toContain('realNameInText')
    await payload.update({ collection: 'participants', id: person.id, data: { legalName: 'Gulnara Zhaksylykova' } })
    expect(await codes()).not.toContain('realNameInText')
    await payload.update({ collection: 'stories', id, data: { title: 'Meeting Gulnara Zhaksylykova' }, draft: true })
    expect(await codes()).toContain('realNameInText')
  })

  it('is no obstacle to saving a draft', async () => {
    const id = await draft(rows[0]!)
    const saved = await payload.update({
      collection: 'stories',
      id,
      data: { excerpt: `More about ${leaderName}` },
      draft: true,
      user: { ...editor, collection: 'users' as const },
      overrideAccess: false,
    })
    expect(saved.excerpt).toContain(leaderName)
  })
})
