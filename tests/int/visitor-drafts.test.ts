import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '@/seed/richText'

import { createProgram, createStory } from '../helpers/content'
import { graphql, rest } from '../helpers/http'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * Someone signed out who asks for drafts (`?draft=true` over REST, `draft: true` in GraphQL) is
 * answered exactly as without: which published documents have an unpublished edit pending is
 * not hers to learn. Each collection with drafts, by list and by ID.
 */
let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const collections = [
  {
    slug: 'stories' as const,
    make: () => createStory(payload),
    draft: { title: 'A pending edit', body: richText('Not yet public.') },
  },
  { slug: 'programs' as const, make: () => createProgram(payload), draft: { summary: 'A pending edit' } },
]

describe('a visitor asking for drafts', () => {
  it.each(collections)('reads the published $slug as they are', async ({ slug, make, draft }) => {
    const pending = await make()
    const plain = await make()
    await payload.update({ collection: slug, id: pending.id, draft: true, data: draft as never })
    const asVisitor = { collection: slug, overrideAccess: false, user: null, depth: 0, limit: 0 } as const
    const ids = (docs: Array<{ id: string }>) => docs.map((doc) => doc.id).sort()
    const published = await payload.find(asVisitor)
    const askingForDrafts = await payload.find({ ...asVisitor, draft: true })
    expect(ids(askingForDrafts.docs)).toEqual(ids(published.docs))
    expect(ids(askingForDrafts.docs)).toEqual(expect.arrayContaining([pending.id, plain.id]))
    const byId = await payload.findByID({ ...asVisitor, id: pending.id, draft: true })
    expect(JSON.stringify(byId)).not.toContain('A pending edit')
    // Over REST and GraphQL, as an outsider asks.
    const restIds = async (query: string) =>
      ((await (await rest('GET', `/api/${slug}?limit=0&depth=0${query}`)).json()) as { docs: Array<{ id: string }> })
        .docs
    expect(ids(await restIds('&draft=true'))).toEqual(ids(await restIds('')))
    expect(await (await rest('GET', `/api/${slug}/${pending.id}?draft=true&depth=0`)).text()).not.toContain(
      'A pending edit',
    )
    const list = slug === 'stories' ? 'Stories' : 'Programs'
    const answer = await graphql(`{ ${list}(draft: true, limit: 0) { docs { id } } }`)
    const listed = (answer.data?.[list] as { docs: Array<{ id: string }> } | undefined)?.docs ?? []
    expect(ids(listed), JSON.stringify(answer.errors)).toEqual(ids(published.docs))
  })
})
