import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Sorting follows no relationship: Payload would order by the related document's values without
 * asking whether the reader may read them (a colleague's e-mail, her password hash).
 */
let payload: Payload
let token: string

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'contributor')).email)
})

afterAll(() => stopPayload(payload))

const refused = [
  '/api/stories?sort=author.email',
  '/api/stories?sort=-author.hash',
  '/api/stories?sort=title,author.salt',
  '/api/stories?sort=signOff.signedOffBy.email',
  '/api/stories/versions?sort=version.author.email',
  '/api/media?sort=uploadedBy.email',
  '/api/payload-locked-documents?sort=user.email',
  '/api/stories?sort=program.title',
]
const answered = ['/api/stories?sort=title', '/api/stories?sort=-publishedAt', '/api/stories/versions?sort=-updatedAt']

describe('a sort through a relationship', () => {
  it.each(refused)('is refused over REST: %s', async (path) => {
    for (const who of [token, null]) {
      const response = await rest('GET', path, { token: who })
      expect(response.status, path).toBe(400)
      const body = (await response.json()) as { errors: Array<{ data?: { code?: string } }> }
      expect(body.errors[0]?.data?.code).toBe('malformedQuery')
    }
  })

  it.each(answered)('leaves a sort on the document’s own fields alone: %s', async (path) => {
    expect((await rest('GET', path, { token })).status).toBe(200)
  })

  it('is refused over GraphQL', async () => {
    const answer = (await graphql('{ Stories(sort: "author.email") { docs { id } } }', token)) as {
      errors?: Array<{ extensions?: { data?: { code?: string } } }>
      data?: { Stories?: unknown }
    }
    expect(answer.errors?.[0]?.extensions?.data?.code).toBe('malformedQuery')
    expect(answer.data?.Stories ?? null).toBeNull()
    const own = await graphql('{ Stories(sort: "-publishedAt") { docs { id } } }', token)
    expect(own.errors ?? []).toEqual([])
  })
})
