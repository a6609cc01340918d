import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/lib/roles'
import type { User } from '@/payload-types'

import { graphql, rest, tokenFor } from '../helpers/http'
import { richText } from '@/seed/richText'

import { writtenConsent } from '../helpers/content'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'
import { setPolicy } from '../helpers/people'

/**
 * A value its writer may not write is refused with `fieldNotWritable` and nothing is stored,
 * rather than dropped while the save answers 200; sent back exactly as stored (as the admin's
 * form does), it is no refusal. One declared table, tried through REST, GraphQL and the local API.
 */
type Row = {
  who: Exclude<Role, 'admin'>
  collection: 'users' | 'leaders' | 'stories'
  field: string
  /** The value sent, or how to make it once the staff exist. */
  value: unknown
}
const rows: Row[] = [
  { who: 'contributor', collection: 'users', field: 'role', value: 'admin' },
  { who: 'editor', collection: 'users', field: 'role', value: 'admin' },
  { who: 'safeguarding', collection: 'users', field: 'role', value: 'admin' },
  { who: 'contributor', collection: 'users', field: 'email', value: 'someone-new@example.org' },
  { who: 'editor', collection: 'users', field: 'email', value: 'someone-new@example.org' },
  { who: 'editor', collection: 'leaders', field: 'realName', value: 'Someone Real' },
  { who: 'editor', collection: 'leaders', field: 'consent', value: writtenConsent(['name', 'photo']) },
  { who: 'safeguarding', collection: 'leaders', field: 'publicName', value: 'A new public name' },
  // When a story went live, and who wrote it, are not a contributor's to rewrite.
  { who: 'contributor', collection: 'stories', field: 'publishedAt', value: '2020-01-01T00:00:00.000Z' },
  { who: 'contributor', collection: 'stories', field: 'author', value: () => staff.get('editor')!.user.id },
]

const valueOf = (row: Row) => (typeof row.value === 'function' ? (row.value as () => unknown)() : row.value)

/** Contributors save stories as drafts only. */
const asDraft = (row: Row) => row.collection === 'stories'

const graphqlNames = { users: 'User', leaders: 'Leader', stories: 'Story' } as const

let payload: Payload
const staff = new Map<Role, { user: User; token: string }>()

beforeAll(async () => {
  payload = await startPayload()
  for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
    const user = await createStaff(payload, role)
    staff.set(role, { user, token: await tokenFor(payload, user.email) })
  }
})

afterAll(() => stopPayload(payload))

/**
 * A document the row's writer may update in general: her own account, or a new leader.
 * (Participants are written by safeguarding staff and admins alone, who may write every field.)
 */
async function target({ who, collection }: Row): Promise<string> {
  if (collection === 'users') return staff.get(who)!.user.id
  if (collection === 'stories') {
    const story = await payload.create({
      collection,
      data: { title: `Target ${Date.now()}`, body: richText('A draft.'), author: staff.get(who)!.user.id },
      draft: true,
    })
    return String(story.id)
  }
  const doc = await payload.create({
    collection,
    data: { publicName: `Target ${Date.now()}`, ...(collection === 'leaders' ? { realName: 'R' } : {}) },
  } as never)
  return (doc as { id: string }).id
}

const stored = async (row: Row, id: string) =>
  JSON.stringify(
    ((await payload.findByID({ collection: row.collection, id, depth: 0 })) as unknown as Record<string, unknown>)[
      row.field
    ] ?? null,
  )

const paths = {
  async REST(row: Row, id: string, data: Record<string, unknown>) {
    const response = await rest('PATCH', `/api/${row.collection}/${id}${asDraft(row) ? '?draft=true' : ''}`, {
      token: staff.get(row.who)!.token,
      body: data,
    })
    const body = (await response.json()) as { errors?: Array<{ data?: { code?: string } }> }
    return { ok: response.status === 200, code: body.errors?.[0]?.data?.code, status: response.status }
  },
  async GraphQL(row: Row, id: string, data: Record<string, unknown>) {
    const mutation = `mutation($id: String!, $data: mutation${graphqlNames[row.collection]}UpdateInput!) {
      update${graphqlNames[row.collection]}(id: $id, data: $data${asDraft(row) ? ', draft: true' : ''}) { id } }`
    const answer = (await graphql(mutation, staff.get(row.who)!.token, { id, data })) as {
      errors?: Array<{ extensions?: { data?: { code?: string } } }>
    }
    return { ok: !answer.errors?.length, code: answer.errors?.[0]?.extensions?.data?.code, status: 0 }
  },
  async 'local API'(row: Row, id: string, data: Record<string, unknown>) {
    try {
      await payload.update({
        collection: row.collection,
        id,
        data,
        draft: asDraft(row),
        overrideAccess: false,
        req: await requestAs(payload, staff.get(row.who)!.user),
      } as never)
      return { ok: true, code: undefined, status: 200 }
    } catch (error) {
      return { ok: false, code: (error as { data?: { code?: string } }).data?.code, status: 0 }
    }
  },
}

describe('a value its writer may not write', () => {
  for (const [api, send] of Object.entries(paths)) {
    for (const row of rows) {
      it(`${api}: ${row.who} sending ${row.collection}.${row.field} is refused and nothing changes`, async () => {
        const id = await target(row)
        const before = await stored(row, id)
        const answer = await send(row, id, { [row.field]: valueOf(row) })
        expect(answer.ok, JSON.stringify(answer)).toBe(false)
        expect(answer.code).toBe('fieldNotWritable')
        if (api === 'REST') expect(answer.status).toBe(403)
        expect(await stored(row, id)).toBe(before)
      })

      it(`${api}: ${row.who} sending ${row.collection}.${row.field} back as stored saves`, async () => {
        const id = await target(row)
        const current = JSON.parse(await stored(row, id)) as unknown
        const answer = await send(row, id, { [row.field]: current })
        expect(answer.ok, JSON.stringify(answer)).toBe(true)
      })
    }
  }

  it('a bulk update carrying one is refused, and nothing changes', async () => {
    const { user, token } = staff.get('contributor')!
    const response = await rest('PATCH', `/api/users?where[id][equals]=${user.id}`, { token, body: { role: 'admin' } })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { errors: Array<{ data?: { code?: string } }> }).errors[0]?.data?.code).toBe(
      'fieldNotWritable',
    )
    expect((await payload.findByID({ collection: 'users', id: user.id })).role).toBe('contributor')
  })

  it('a global: only admins choose the consent withdrawal policy', async () => {
    await setPolicy(payload, 'unpublish')
    const policy = async () => (await payload.findGlobal({ slug: 'site-settings' })).consentWithdrawalPolicy
    const before = await policy()
    const other = before === 'redact' ? 'unpublish' : 'redact'
    const { token } = staff.get('editor')!
    const refused = await rest('POST', '/api/globals/site-settings', {
      token,
      body: { consentWithdrawalPolicy: other },
    })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { errors: Array<{ data?: { code?: string } }> }).errors[0]?.data?.code).toBe(
      'fieldNotWritable',
    )
    expect(await policy()).toBe(before)
    const answer = (await graphql(
      `mutation { updateSiteSetting(data: { consentWithdrawalPolicy: ${other} }) { consentWithdrawalPolicy } }`,
      token,
    )) as { errors?: Array<{ extensions?: { data?: { code?: string } } }> }
    expect(answer.errors?.[0]?.extensions?.data?.code).toBe('fieldNotWritable')
    expect(await policy()).toBe(before)
    const same = await rest('POST', '/api/globals/site-settings', { token, body: { consentWithdrawalPolicy: before } })
    expect(same.status, await same.clone().text()).toBe(200)
  })

  it('a change of one’s own e-mail tells nothing of which addresses have accounts', async () => {
    const { user, token } = staff.get('contributor')!
    const taken = staff.get('editor')!.user.email
    const answers = []
    for (const email of [taken, `free-${Date.now()}@example.org`]) {
      const response = await rest('PATCH', `/api/users/${user.id}`, { token, body: { email } })
      answers.push([response.status, await response.text()])
    }
    expect(answers[0]![0]).toBe(403)
    expect(answers[0]).toEqual(answers[1])
    expect((await payload.findByID({ collection: 'users', id: user.id })).email).toBe(user.email)
  })

  it('who may not write to the collection at all is refused as such, whatever fields she sent', async () => {
    const { token } = staff.get('contributor')!
    const before = (await payload.count({ collection: 'users' })).totalDocs
    const response = await rest('POST', '/api/users', {
      token,
      body: { email: `made-${Date.now()}@example.org`, password: 'a long password 123', role: 'admin' },
    })
    expect(response.status).toBe(403)
    const body = (await response.json()) as { errors: Array<{ message: string; data?: { code?: string } }> }
    expect(body.errors[0]?.data?.code).toBeUndefined()
    expect(body.errors[0]?.message).toBe('You are not allowed to perform this action.')
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })

  it('a contributor’s new story is hers: naming someone else its author is refused, leaving it out names her', async () => {
    const { user, token } = staff.get('contributor')!
    const editor = staff.get('editor')!.user
    const before = (await payload.count({ collection: 'stories' })).totalDocs
    const refused = await rest('POST', '/api/stories?draft=true', {
      token,
      body: { title: 'Not by the editor', body: richText('x'), author: editor.id },
    })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { errors: Array<{ data?: { code?: string } }> }).errors[0]?.data?.code).toBe(
      'fieldNotWritable',
    )
    expect((await payload.count({ collection: 'stories' })).totalDocs).toBe(before)
    for (const author of [undefined, user.id]) {
      const made = await rest('POST', '/api/stories?draft=true', {
        token,
        body: { title: 'By the contributor', body: richText('x'), ...(author ? { author } : {}) },
      })
      expect(made.status, await made.clone().text()).toBe(201)
      const { doc } = (await made.json()) as { doc: { id: string } }
      const stored = await payload.findByID({ collection: 'stories', id: doc.id, draft: true, depth: 0 })
      expect(String(stored.author)).toBe(String(user.id))
    }
  })

  it('editors date and attribute stories', async () => {
    const { token } = staff.get('editor')!
    const contributor = staff.get('contributor')!.user
    const story = await payload.create({
      collection: 'stories',
      data: { title: `Dated ${Date.now()}`, body: richText('A draft.') },
      draft: true,
    })
    const response = await rest('PATCH', `/api/stories/${story.id}?draft=true`, {
      token,
      body: { publishedAt: '2025-03-08T09:00:00.000Z', author: contributor.id },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    const stored = await payload.findByID({ collection: 'stories', id: story.id, draft: true, depth: 0 })
    expect(stored.publishedAt).toBe('2025-03-08T09:00:00.000Z')
    expect(String(stored.author)).toBe(String(contributor.id))
  })

  it('admins still change roles', async () => {
    const admin = await createStaff(payload, 'admin')
    const editor = await createStaff(payload, 'editor')
    const response = await rest('PATCH', `/api/users/${editor.id}`, {
      token: await tokenFor(payload, admin.email),
      body: { role: 'safeguarding' },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: editor.id })).role).toBe('safeguarding')
  })
})
