import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { locales } from '@/lib/locales'
import { movedOrNotFound } from '@/lib/site/oldUrls'
import { findProgram, findStory } from '@/lib/site/publicApi'
import type { User } from '@/payload-types'

import { createStory, schedulePublish, signedOff, writtenConsent } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Old URLs keep working: when a published story or program changes its slug, its old URL answers
 * with a permanent redirect to the current one, in every language, whichever path renamed it; a
 * chain of renames leads straight to the end; a document the public may no longer read is nobody's
 * destination; and a slug another document publishes is that document's again.
 */

type Collection = 'stories' | 'programs'
type Answer = { redirect: string; status: number } | 'not found'

let payload: Payload
let editor: User
let contributor: User
let token: string
let n = 0

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'editor')
  contributor = await createStaff(payload, 'contributor')
  token = await tokenFor(payload, editor.email)
})

afterAll(() => stopPayload(payload))

/** What the public page at /{locale}/{collection}/{slug} answers when no document has the slug. */
async function answer(collection: Collection, slug: string, locale = 'en'): Promise<Answer> {
  try {
    await movedOrNotFound(collection, slug, locale as 'en')
  } catch (error) {
    // Next.js signals both through errors whose digest carries the status (and the address).
    const digest = String((error as { digest?: string }).digest)
    const redirect = /^NEXT_REDIRECT;[a-z]+;([^;]+);(\d+);/.exec(digest)
    if (redirect) return { redirect: redirect[1]!, status: Number(redirect[2]) }
    if (digest.endsWith(';404')) return 'not found'
    throw error
  }
  throw new Error('the page neither redirected nor answered 404')
}

/** What every language's old URL answers: the same redirect, in its own language. */
async function answers(collection: Collection, slug: string): Promise<Record<string, Answer>> {
  const out: Record<string, Answer> = {}
  for (const { code } of locales) out[code] = await answer(collection, slug, code)
  return out
}

function redirectsTo(collection: Collection, slug: string): Record<string, Answer> {
  return Object.fromEntries(
    locales.map(({ code }) => [code, { redirect: `/${code}/${collection}/${slug}`, status: 308 }]),
  )
}

const notFoundEverywhere = () => Object.fromEntries(locales.map(({ code }) => [code, 'not found']))

async function story(title = `Renamed story ${(n += 1)}`) {
  return createStory(payload, { title })
}

async function redirectRecords(from: string) {
  const response = await rest('GET', `/api/redirects?where[from][equals]=${from}&depth=0`, { token })
  const body = (await response.json()) as { docs: Array<{ from: string; to: { relationTo: string; value: string } }> }
  return body.docs.map((doc) => ({ from: doc.from, to: doc.to }))
}

async function expectOk(response: Response) {
  expect(response.status, await response.clone().text()).toBeLessThan(400)
}

/** Every way a published story's slug can change, each leaving it published under the new one. */
const renames: Record<string, (id: string, slug: string) => Promise<void>> = {
  'the local API': async (id, slug) => {
    await payload.update({ collection: 'stories', id, data: { slug }, context: signedOff })
  },
  REST: async (id, slug) => {
    await expectOk(await rest('PATCH', `/api/stories/${id}`, { token, body: { slug, _status: 'published' } }))
  },
  GraphQL: async (id, slug) => {
    const result = await graphql(
      'mutation ($id: String!, $slug: String!) { updateStory(id: $id, data: { slug: $slug, _status: published }) { id } }',
      token,
      { id, slug },
    )
    expect(result.errors).toBeUndefined()
  },
  'a bulk update': async (id, slug) => {
    await expectOk(await rest('PATCH', `/api/stories?where[id][equals]=${id}`, { token, body: { slug } }))
  },
  'a renamed draft, then Publish': async (id, slug) => {
    await expectOk(await rest('PATCH', `/api/stories/${id}?draft=true&autosave=true`, { token, body: { slug } }))
    await expectOk(await rest('PATCH', `/api/stories/${id}`, { token, body: { _status: 'published' } }))
  },
  'a renamed draft, then scheduled publishing': async (id, slug) => {
    await expectOk(await rest('PATCH', `/api/stories/${id}?draft=true`, { token, body: { slug } }))
    await schedulePublish(payload, id, editor.id)
    await payload.jobs.run({ queue: 'default' })
  },
}

describe('renaming a published story', () => {
  for (const [path, rename] of Object.entries(renames)) {
    it(`through ${path}: the old URL redirects to the new one in every language`, async () => {
      const { id, slug: old } = await story()
      await rename(id, `${old}-new`)
      expect((await findStory(`${old}-new`, 'en'))?.id).toBe(id)
      expect(await findStory(old!, 'en')).toBeNull()
      expect(await answers('stories', old!)).toEqual(redirectsTo('stories', `${old}-new`))
      expect(await redirectRecords(old!)).toEqual([{ from: old, to: { relationTo: 'stories', value: id } }])
    })
  }

  it('a renamed draft keeps the old URL live, and no redirect is made until it is published', async () => {
    const { id, slug: old } = await story()
    await expectOk(await rest('PATCH', `/api/stories/${id}?draft=true`, { token, body: { slug: `${old}-next` } }))
    expect((await findStory(old!, 'en'))?.id).toBe(id)
    expect(await redirectRecords(old!)).toEqual([])
    expect(await answer('stories', `${old}-next`)).toBe('not found')
  })

  it('a draft that was never published makes no redirect when its slug changes', async () => {
    const draft = await createStory(payload, { title: `Never published ${(n += 1)}`, _status: 'draft' })
    await payload.update({
      collection: 'stories',
      id: draft.id,
      data: { slug: `${draft.slug}-2b`, _status: 'published' },
    })
    expect(await redirectRecords(draft.slug!)).toEqual([])
  })

  it('a chain of renames leads straight to the current slug', async () => {
    const { id, slug: a } = await story()
    await renames['the local API']!(id, `${a}-b`)
    await renames['the local API']!(id, `${a}-c`)
    expect(await answer('stories', a!)).toEqual({ redirect: `/en/stories/${a}-c`, status: 308 })
    expect(await answer('stories', `${a}-b`)).toEqual({ redirect: `/en/stories/${a}-c`, status: 308 })
  })

  it('renamed back, the story is at its first slug again and the other one redirects there', async () => {
    const { id, slug: a } = await story()
    await renames.REST!(id, `${a}-b`)
    await renames.REST!(id, a!)
    expect((await findStory(a!, 'en'))?.id).toBe(id)
    expect(await redirectRecords(a!)).toEqual([])
    expect(await answer('stories', `${a}-b`)).toEqual({ redirect: `/en/stories/${a}`, status: 308 })
  })
})

describe('where an old URL must not lead', () => {
  it('a story taken down after a consent withdrawal: its old URL is 404, not a redirect to it', async () => {
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: `Pseudonym ${(n += 1)}`, legalName: `Legal ${n}`, consent: writtenConsent(['name']) },
    })
    const { id, slug: old } = await createStory(payload, { title: `About her ${n}`, featuredParticipants: [person.id] })
    await renames['the local API']!(id, `${old}-new`)
    expect(await answer('stories', old!)).toEqual({ redirect: `/en/stories/${old}-new`, status: 308 })
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
    })
    expect(await findStory(`${old}-new`, 'en')).toBeNull()
    expect(await answers('stories', old!)).toEqual(notFoundEverywhere())
  })

  it('an unpublished story: 404 under both slugs', async () => {
    const { id, slug: old } = await story()
    await renames.REST!(id, `${old}-new`)
    await expectOk(await rest('PATCH', `/api/stories/${id}`, { token, body: { _status: 'draft' } }))
    expect(await answers('stories', old!)).toEqual(notFoundEverywhere())
  })

  it('a deleted story: its records go with it', async () => {
    const { id, slug: old } = await story()
    await renames.REST!(id, `${old}-new`)
    await expectOk(await rest('DELETE', `/api/stories/${id}`, { token }))
    expect(await redirectRecords(old!)).toEqual([])
    expect(await answer('stories', old!)).toBe('not found')
  })

  it('a slug another story publishes is that story’s again: it wins over the redirect', async () => {
    const { id, slug: old } = await story()
    await renames.REST!(id, `${old}-new`)
    // While the newcomer is only a draft, the old link still leads to the renamed story.
    const newcomer = await createStory(payload, { title: 'Newcomer', slug: old!, _status: 'draft' })
    expect(newcomer.slug).toBe(old)
    expect(await answer('stories', old!)).toEqual({ redirect: `/en/stories/${old}-new`, status: 308 })
    await payload.update({ collection: 'stories', id: newcomer.id, data: { _status: 'published' } })
    expect((await findStory(old!, 'en'))?.id).toBe(newcomer.id)
    expect(await redirectRecords(old!)).toEqual([])
  })
})

describe('programs', () => {
  it('a renamed published program redirects from its old URL in every language', async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { name: `Renamed program ${(n += 1)}`, slug: '', status: 'active', _status: 'published' },
    })
    await expectOk(
      await rest('PATCH', `/api/programs/${program.id}`, {
        token,
        body: { slug: `${program.slug}-new`, _status: 'published' },
      }),
    )
    expect((await findProgram(`${program.slug}-new`, 'en'))?.id).toBe(program.id)
    expect(await answers('programs', program.slug!)).toEqual(redirectsTo('programs', `${program.slug}-new`))
    // A story's old slug and a program's are separate: the same word in the other collection is 404.
    expect(await answer('stories', program.slug!)).toBe('not found')
  })
})

describe('the records', () => {
  it('are read by staff only; visitors get only the redirect', async () => {
    const { id, slug: old } = await story()
    await renames.REST!(id, `${old}-new`)
    expect((await rest('GET', '/api/redirects')).status).toBe(403)
    const anonymous = await graphql('{ Redirects { docs { from } } }')
    expect(anonymous.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(
      await payload.count({ collection: 'redirects', overrideAccess: false, user: null }).catch(() => 'refused'),
    ).toBe('refused')
    const contributorToken = await tokenFor(payload, contributor.email)
    const read = await rest('GET', `/api/redirects?where[from][equals]=${old}`, { token: contributorToken })
    expect(((await read.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })

  it('are written by nobody through the API; editors may remove one', async () => {
    const { id, slug: old } = await story()
    await renames.REST!(id, `${old}-new`)
    const [record] = (await (await rest('GET', `/api/redirects?where[from][equals]=${old}`, { token })).json()).docs
    const body = { from: 'anywhere', to: { relationTo: 'stories', value: id } }
    expect((await rest('POST', '/api/redirects', { token, body })).status).toBe(403)
    expect((await rest('PATCH', `/api/redirects/${record.id}`, { token, body: { from: 'elsewhere' } })).status).toBe(
      403,
    )
    const contributorToken = await tokenFor(payload, contributor.email)
    expect((await rest('DELETE', `/api/redirects/${record.id}`, { token: contributorToken })).status).toBe(403)
    expect((await rest('DELETE', `/api/redirects/${record.id}`, { token })).status).toBe(200)
    expect(await answer('stories', old!)).toBe('not found')
  })
})
