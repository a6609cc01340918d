import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { maxQueryDepth } from '@/lib/graphql/maxDepthRule'
import { maxRootFields } from '@/lib/graphql/maxRootFieldsRule'

import { graphql } from '../helpers/http'
import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const aliases = (n: number) =>
  Array.from({ length: n }, (_, i) => `a${i}: Stories(limit: 100) { docs { id } }`).join(' ')

describe('GraphQL asks a bounded number of questions per request', () => {
  it(`answers ${maxRootFields} top-level questions`, async () => {
    const answer = await graphql(`{ ${aliases(maxRootFields)} }`)
    expect(answer.errors ?? []).toEqual([])
    expect(Object.keys(answer.data ?? {})).toHaveLength(maxRootFields)
  })

  it.each([
    ['aliases', `{ ${aliases(maxRootFields + 1)} }`],
    ['300 aliases', `{ ${aliases(300)} }`],
    [
      'aliases spread through fragments',
      `query { ...A ...B } fragment A on Query { ${aliases(6)} } fragment B on Query { b: Programs { docs { id } } ${aliases(6).replace(/a(\d)/g, 'z$1')} }`,
    ],
    ['aliases in an inline fragment', `{ ... on Query { ${aliases(maxRootFields + 1)} } }`],
  ])('refuses more, as %s, before reading anything', async (_, query) => {
    // A request GraphQL refuses before running it is answered with the list of errors alone.
    const answer = (await graphql(query)) as unknown as Array<{ message: string }>
    expect(Array.isArray(answer), JSON.stringify(answer).slice(0, 300)).toBe(true)
    expect(answer[0]?.message).toMatch(new RegExp(`at most ${maxRootFields} are allowed`))
  })
})

describe('GraphQL nests a bounded number of levels', () => {
  it('answers a query that stays within the limit', async () => {
    const answer = await graphql('{ Stories { docs { program { docs: id } } } }')
    expect(answer.errors ?? []).toEqual([])
  })

  it(`refuses one deeper than ${maxQueryDepth} levels, saying so, before reading anything`, async () => {
    const deep = `{ Stories { docs { ${'program { stories { docs { '.repeat(4)}id${' } } }'.repeat(4)} } } }`
    const answer = await graphql(deep)
    expect(answer.data ?? null).toBeNull()
    expect(answer.errors?.map((e) => e.message)).toContain(
      `The query nests 15 levels deep; at most ${maxQueryDepth} are allowed.`,
    )
  })
})
