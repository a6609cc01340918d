import type { Payload, Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publicSiteContext } from '@/privacy/references/publicSiteRead'

import { createProgram, createStory, writtenConsent } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { mentioning } from '../helpers/people'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * No participant's ID reaches an outsider: not through the stories that feature her, mention her
 * or quote her, by any API, at any depth, in any locale, and she cannot be looked up by it. An ID
 * outlives every rename, so one ID in a visitor's hands would link all of her stories, under any
 * public name she has had. The site's own reads (and staff) still see whom a story is about.
 */
let payload: Payload
let participantId: string
let storyId: string
let editorToken: string
const title = 'Refs story Vqkz'

/** A story body mentioning her inline, then quoting her in a pull quote. */
function bodyAbout(id: string) {
  const body = mentioning(id)
  ;(body.root.children as unknown[]).push({
    type: 'block',
    version: 2,
    format: '',
    fields: {
      // A block ID made from hers, as an API client may write it.
      id: `quote-${id.slice(0, 18)}`,
      blockName: '',
      blockType: 'pullQuote',
      quote: 'We came back.',
      speaker: { relationTo: 'participants', value: id },
    },
  })
  return body
}

beforeAll(async () => {
  payload = await startPayload()
  const program = await createProgram(payload)
  const participant = await payload.create({
    collection: 'participants',
    data: { publicName: 'Saule Refs', legalName: 'Refs Legal', consent: writtenConsent(['name', 'quotes']) },
  })
  participantId = participant.id
  const story = await createStory(payload, {
    title,
    program: program.id,
    featuredParticipants: [participantId],
    body: bodyAbout(participantId),
  })
  storyId = story.id
  await payload.update({
    collection: 'stories',
    id: storyId,
    locale: 'ru',
    data: { title: `${title} ru`, body: bodyAbout(participantId) },
    context: { signOff: { name: 'Test safeguarding officer' } },
  })
  const editor = await createStaff(payload, 'editor')
  editorToken = await tokenFor(payload, editor.email)
})

afterAll(() => stopPayload(payload))

const anonymous = { overrideAccess: false, user: null } as const

/** Every way an outsider reads the story, each returning what she was given as text. */
const outsiderReads: Array<[string, () => Promise<unknown>]> = [
  ['local find, depth 0', () => payload.find({ collection: 'stories', ...anonymous, depth: 0 })],
  [
    'local find, depth 10, every locale',
    () => payload.find({ collection: 'stories', ...anonymous, depth: 10, locale: 'all' }),
  ],
  ['local find, drafts asked for', () => payload.find({ collection: 'stories', ...anonymous, draft: true })],
  [
    'local find, selecting the references',
    () => payload.find({ collection: 'stories', ...anonymous, select: { featuredParticipants: true, body: true } }),
  ],
  ['local findByID', () => payload.findByID({ collection: 'stories', id: storyId, ...anonymous, depth: 2 })],
  ['REST list, depth 0', async () => (await rest('GET', '/api/stories?depth=0')).text()],
  ['REST list, depth 10, every locale', async () => (await rest('GET', '/api/stories?depth=10&locale=all')).text()],
  ['REST one story', async () => (await rest('GET', `/api/stories/${storyId}?depth=3`)).text()],
  [
    'REST selecting and populating the references',
    async () =>
      (
        await rest(
          'GET',
          '/api/stories?select[featuredParticipants]=true&select[body]=true&populate[participants][publicName]=true',
        )
      ).text(),
  ],
  [
    'GraphQL list',
    () => graphql('{ Stories(limit: 100) { docs { title featuredParticipants { id publicName } body } } }'),
  ],
  [
    'GraphQL one story, Russian',
    () => graphql(`{ Story(id: "${storyId}", locale: ru) { title body featuredParticipants { id } } }`),
  ],
]

describe('outsiders', () => {
  it.each(outsiderReads)('learn no participant ID from a story: %s', async (_path, read) => {
    const text = JSON.stringify(await read())
    // The story itself was read: the check is about what it carried, not about a refusal.
    expect(text).toContain('We came back.')
    expect(text).not.toContain(participantId)
    // Nor any part of it, from the IDs of the blocks that point at her.
    expect(text).not.toContain(participantId.slice(0, 8))
  })

  it.each(['like', 'contains', 'equals', 'exists'])(
    'cannot test the stored text for her ID (%s), by REST or GraphQL',
    async (operator) => {
      const value = operator === 'exists' ? 'true' : participantId.slice(0, 8)
      for (const path of ['body', 'body.root']) {
        const response = await rest('GET', `/api/stories?where[${path}][${operator}]=${value}`)
        expect(response.status, path).toBe(400)
        expect(await response.text()).not.toContain(title)
      }
      const sorted = await rest('GET', '/api/stories?sort=body')
      expect(sorted.status).toBe(400)
      const operand = operator === 'exists' ? 'true' : `"${value}"`
      const answer = await graphql(`{ Stories(where: { body: { ${operator}: ${operand} } }) { docs { title } } }`)
      expect(JSON.stringify(answer.data ?? {})).not.toContain(title)
      expect(answer.errors?.length).toBeGreaterThan(0)
    },
  )

  const filters: Array<[string, Where]> = [
    ['equals', { featuredParticipants: { equals: 'x' } }],
    ['contains', { featuredParticipants: { contains: 'x' } }],
    ['in', { featuredParticipants: { in: ['x'] } }],
    ['not_in', { featuredParticipants: { not_in: ['x'] } }],
    ['exists', { featuredParticipants: { exists: true } }],
  ]

  it.each(filters)('cannot find her stories by her ID (%s), by any API', async (operator, where) => {
    const real = JSON.parse(JSON.stringify(where).replaceAll('"x"', JSON.stringify(participantId))) as Where
    await expect(payload.find({ collection: 'stories', ...anonymous, where: real })).rejects.toThrow()
    const value = operator === 'exists' ? 'true' : participantId
    const query = operator === 'in' || operator === 'not_in' ? `[${operator}][0]=${value}` : `[${operator}]=${value}`
    const response = await rest('GET', `/api/stories?where[featuredParticipants]${query}`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await response.text()).not.toContain(title)
    const answer = await graphql(
      `{ Stories(where: { featuredParticipants: { ${operator}: ${operator === 'exists' ? 'true' : `"${participantId}"`} } }) { docs { title } } }`,
    )
    expect(JSON.stringify(answer.data ?? {})).not.toContain(title)
    expect(answer.errors?.length).toBeGreaterThan(0)
  })
})

describe('the site and staff', () => {
  it('the site reads whom the story features, mentions and quotes, to render their public names', async () => {
    const story = await payload.findByID({
      collection: 'stories',
      id: storyId,
      ...anonymous,
      context: publicSiteContext,
    })
    expect(story.featuredParticipants).toEqual([participantId])
    expect(JSON.stringify(story.body).split(participantId)).toHaveLength(3)
  })

  it('the site context counts only in the local API: nothing a client sends turns it on', async () => {
    const text = await (await rest('GET', `/api/stories/${storyId}?context[voicesPublicSite]=true`)).text()
    expect(text).toContain('We came back.')
    expect(text).not.toContain(participantId)
  })

  it("Voices' own reads, with access overridden, see them as stored", async () => {
    const story = await payload.findByID({ collection: 'stories', id: storyId, depth: 0 })
    expect(story.featuredParticipants).toEqual([participantId])
    expect(JSON.stringify(story.body)).toContain(participantId)
  })

  it('staff read the references as stored', async () => {
    const response = await rest('GET', `/api/stories/${storyId}?depth=0`, { token: editorToken })
    const story = (await response.json()) as { featuredParticipants: string[]; body: unknown }
    expect(story.featuredParticipants).toEqual([participantId])
    expect(JSON.stringify(story.body)).toContain(participantId)
    const filtered = await rest('GET', `/api/stories?where[featuredParticipants][contains]=${participantId}`, {
      token: editorToken,
    })
    expect(((await filtered.json()) as { docs: Array<{ id: string }> }).docs.map((d) => d.id)).toEqual([storyId])
    const inText = await rest('GET', `/api/stories?where[body][like]=${participantId}`, { token: editorToken })
    expect(((await inText.json()) as { docs: Array<{ id: string }> }).docs.map((d) => d.id)).toEqual([storyId])
  })
})
