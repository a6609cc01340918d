import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStory } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * A filter through a relationship must not reach related documents the reader may not read, on a
 * draft read as on any other: a contributor filtering stories by `author.email` learned other
 * staff members' addresses letter by letter with `?draft=true`. Each row asks over REST, with and
 * without `draft`, and over GraphQL; the answer may never depend on what the reader cannot read.
 */
let payload: Payload
let contributor: string
let editor: string
let admin: string
let adminId: string

beforeAll(async () => {
  payload = await startPayload()
  const writer = await createStaff(payload, 'contributor')
  const publisher = await createStaff(payload, 'editor')
  const manager = await createStaff(payload, 'admin')
  contributor = await tokenFor(payload, writer.email)
  editor = await tokenFor(payload, publisher.email)
  admin = await tokenFor(payload, manager.email)
  adminId = manager.id
  // A story written by the admin, whom the contributor and the editor may not read.
  await createStory(payload, { title: 'Written by the admin', author: manager.id })
})

afterAll(() => stopPayload(payload))

const totalOf = async (response: Response) => ((await response.json()) as { totalDocs?: number }).totalDocs

/** Filters that would tell something of another staff member if they matched. */
const oracles = [
  'author.email][like]=@',
  'author.role][equals]=admin',
  'author.name][like]=',
  'signOff.signedOffBy.email][like]=@',
]

describe('a filter through a relationship, read by someone who may not read what it reaches', () => {
  it.each(oracles)('where[%s is refused on a draft read, and matches nothing otherwise', async (filter) => {
    for (const token of [contributor, editor]) {
      const drafts = await rest('GET', `/api/stories?draft=true&depth=0&where[${filter}`, { token })
      expect(drafts.status).toBe(400)
      expect(await drafts.json()).toMatchObject({ errors: [{ data: { code: 'fieldNotFilterable' } }] })
      // Without drafts, Payload keeps the filter to the accounts the reader may read: her own.
      const published = await rest('GET', `/api/stories?depth=0&where[${filter}`, { token })
      expect(await totalOf(published)).toBe(0)
    }
  })

  it('cannot be written in GraphQL, whose filters do not follow relationships', async () => {
    const answer = await graphql(
      '{ Stories(draft: true, where: { author__email: { like: "@" } }) { totalDocs } }',
      contributor,
    )
    expect(answer.data?.Stories ?? null).toBeNull()
    expect(JSON.stringify(answer.errors)).toMatch(/author__email/)
  })

  it('still lets anyone filter by the related document itself, and an admin by anything', async () => {
    for (const path of [`author][equals]=${adminId}`, `author.id][equals]=${adminId}`]) {
      const response = await rest('GET', `/api/stories?draft=true&depth=0&where[${path}`, { token: contributor })
      expect(response.status, path).toBe(200)
      expect(await totalOf(response), path).toBeGreaterThan(0)
    }
    const asAdmin = await rest('GET', '/api/stories?draft=true&depth=0&where[author.email][like]=@', { token: admin })
    expect(asAdmin.status).toBe(200)
    expect(await totalOf(asAdmin)).toBeGreaterThan(0)
  })
})
