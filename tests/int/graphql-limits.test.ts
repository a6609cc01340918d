import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { maxQueryDepth } from '@/lib/graphql/maxDepthRule'
import { maxAliasesOfOneField, maxResultFields } from '@/lib/graphql/maxResultFieldsRule'
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

describe('GraphQL answers a bounded number of values', () => {
  const bodies = (n: number) => Array.from({ length: n }, (_, i) => `b${i}: body`).join(' ')

  it('answers a page of stories with the fields a page needs', async () => {
    const answer = await graphql('{ Stories(limit: 100) { docs { id title slug excerpt body publishedAt } } }')
    expect(answer.errors ?? []).toEqual([])
  })

  it.each([
    ['one field under many aliases', `{ Stories(limit: 1) { docs { ${bodies(maxAliasesOfOneField + 1)} } } }`],
    [
      'aliases spread through fragments',
      `{ Stories(limit: 1) { docs { ...A ...B } } } fragment A on Story { ${bodies(6)} } fragment B on Story { ${bodies(6).replace(/b(\d)/g, 'c$1')} }`,
    ],
    ['a large page of many fields', `{ Stories(limit: 1000) { docs { id title slug excerpt body publishedAt } } }`],
    ['every document at once', `{ Stories(limit: 0) { docs { ${bodies(maxAliasesOfOneField)} } } }`],
    [
      'a limit given as a variable',
      {
        query: 'query($n: Int) { Stories(limit: $n) { docs { id title slug excerpt body publishedAt } } }',
        variables: { n: 5000 },
      },
    ],
    ['pages within pages', `{ Programs(limit: 100) { docs { stories(limit: 100) { docs { id } } } } }`],
  ])('refuses %s before reading anything', async (_, query) => {
    const answer = (typeof query === 'string'
      ? await graphql(query)
      : await graphql(query.query, null, query.variables)) as unknown as
      Array<{ message: string }> | { errors?: Array<{ message: string }> }
    const errors = Array.isArray(answer) ? answer : (answer.errors ?? [])
    expect(errors.map((e) => e.message).join(' '), JSON.stringify(answer).slice(0, 300)).toMatch(
      new RegExp(`more than ${maxAliasesOfOneField} times|at most ${maxResultFields} are allowed`),
    )
  })
})
