import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { describeAccess, everyone, may as declared, type Who } from '@/access/accessTable.mjs'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Who may do what with supporters' messages and addresses, for every role, through REST and
 * GraphQL alike, as access/accessTable.mjs declares it (the README's roles table). Nobody creates
 * either through the API: only the public forms do, after their abuse checks. Editors and admins
 * read them; inquiries they also answer (status, assignee); subscribers change only through the
 * links in their own mail.
 */
type Supporters = 'inquiries' | 'subscribers'
const ops = { C: 'create', R: 'read', U: 'update', D: 'delete' } as const
const may = (who: Who, op: keyof typeof ops, slug: Supporters) => declared(who, ops[op], slug)

const graphqlNames = {
  inquiries: {
    list: 'Inquiries',
    single: 'Inquiry',
    create: 'createInquiry',
    update: 'updateInquiry',
    remove: 'deleteInquiry',
  },
  subscribers: {
    list: 'Subscribers',
    single: 'Subscriber',
    create: 'createSubscriber',
    update: 'updateSubscriber',
    remove: 'deleteSubscriber',
  },
}

let payload: Payload
const tokens: Partial<Record<Who, string | null>> = { anonymous: null }
let n = 0

beforeAll(async () => {
  payload = await startPayload()
  for (const role of ['contributor', 'editor', 'safeguarding', 'admin'] as const) {
    tokens[role] = await tokenFor(payload, (await createStaff(payload, role)).email)
  }
})

afterAll(() => stopPayload(payload))

/** Made as the public forms make them: on the server, past the API's access rules. */
async function target(slug: Supporters): Promise<string> {
  n += 1
  const doc =
    slug === 'inquiries'
      ? await payload.create({
          collection: 'inquiries',
          data: {
            name: `Target ${n}`,
            email: `target-${n}@example.org`,
            interest: 'question',
            message: 'A question.',
            consentToContact: true,
            status: 'new',
            locale: 'en',
          },
        })
      : await payload.create({
          collection: 'subscribers',
          data: { email: `target-${n}@example.org`, status: 'confirmed', locale: 'en' },
        })
  return String(doc.id)
}

const newData = (slug: Supporters) =>
  slug === 'inquiries'
    ? {
        name: 'Made through the API',
        email: 'api@example.org',
        interest: 'question',
        message: 'x',
        consentToContact: true,
      }
    : { email: `api-${Date.now()}@example.org`, status: 'confirmed', locale: 'en' }

const changeData = (slug: Supporters) => (slug === 'inquiries' ? { status: 'answered' } : { status: 'unsubscribed' })

for (const slug of ['inquiries', 'subscribers'] as const) {
  describe(`${slug} through REST`, () => {
    for (const who of everyone) {
      it(`${who}: ${describeAccess(who, slug)}`, async () => {
        const token = tokens[who] ?? null
        const before = (await payload.count({ collection: slug })).totalDocs
        const created = await rest('POST', `/api/${slug}`, { token, body: newData(slug) })
        expect(created.status, 'create').toBe(may(who, 'C', slug) ? 201 : 403)
        expect((await payload.count({ collection: slug })).totalDocs).toBe(before + (may(who, 'C', slug) ? 1 : 0))

        const id = await target(slug)
        const list = await rest('GET', `/api/${slug}?limit=100`, { token })
        expect(list.status, 'list').toBe(may(who, 'R', slug) ? 200 : 403)
        if (may(who, 'R', slug)) expect((await list.json()).docs.map((d: { id: string }) => d.id)).toContain(id)
        const single = await rest('GET', `/api/${slug}/${id}`, { token })
        expect(single.status, 'read').toBe(may(who, 'R', slug) ? 200 : 403)

        const updated = await rest('PATCH', `/api/${slug}/${id}`, { token, body: changeData(slug) })
        expect(updated.status, 'update').toBe(may(who, 'U', slug) ? 200 : 403)
        const after = await payload.findByID({ collection: slug, id, depth: 0 })
        expect(after.status === changeData(slug).status, 'changed').toBe(may(who, 'U', slug))

        const deleted = await rest('DELETE', `/api/${slug}/${id}`, { token })
        expect(deleted.status, 'delete').toBe(may(who, 'D', slug) ? 200 : 403)
        const gone = (await payload.findByID({ collection: slug, id, disableErrors: true })) === null
        expect(gone, 'deleted').toBe(may(who, 'D', slug))
      })
    }
  })

  describe(`${slug} through GraphQL`, () => {
    const names = graphqlNames[slug]
    for (const who of everyone) {
      it(`${who}: ${describeAccess(who, slug)}`, async () => {
        const token = tokens[who] ?? null
        const id = await target(slug)
        const list = await graphql(`{ ${names.list}(limit: 100) { docs { id } } }`, token)
        if (may(who, 'R', slug)) {
          expect(list.errors).toBeUndefined()
          expect((list.data?.[names.list] as { docs: Array<{ id: string }> }).docs.map((d) => d.id)).toContain(id)
        } else expect(list.errors?.[0]?.message).toMatch(/not allowed/)

        const single = await graphql(`{ ${names.single}(id: "${id}") { id } }`, token)
        expect(Boolean(single.errors), 'read one refused').toBe(!may(who, 'R', slug))

        const data =
          slug === 'inquiries'
            ? '{ name: "GraphQL", email: "gql@example.org", interest: question, message: "x", consentToContact: true, status: new }'
            : `{ email: "gql-${n}@example.org", status: confirmed, locale: en }`
        const created = await graphql(`mutation { ${names.create}(data: ${data}) { id } }`, token)
        if (may(who, 'C', slug)) expect(created.errors, 'create').toBeUndefined()
        else expect(created.errors?.[0]?.message, 'create').toMatch(/not allowed/)

        const change = slug === 'inquiries' ? '{ status: answered }' : '{ status: unsubscribed }'
        const updated = await graphql(`mutation { ${names.update}(id: "${id}", data: ${change}) { id } }`, token)
        expect(Boolean(updated.errors), 'update refused').toBe(!may(who, 'U', slug))

        const removed = await graphql(`mutation { ${names.remove}(id: "${id}") { id } }`, token)
        expect(Boolean(removed.errors), 'delete refused').toBe(!may(who, 'D', slug))
        const gone = (await payload.findByID({ collection: slug, id, disableErrors: true })) === null
        expect(gone, 'deleted').toBe(may(who, 'D', slug))
      })
    }
  })
}

describe('what staff may change in an inquiry', () => {
  it('is its status and assignee, never what the supporter sent', async () => {
    const id = await target('inquiries')
    const editor = await createStaff(payload, 'editor')
    const response = await rest('PATCH', `/api/inquiries/${id}`, {
      token: await tokenFor(payload, editor.email),
      body: {
        status: 'answered',
        assignee: editor.id,
        name: 'Rewritten',
        email: 'rewritten@example.org',
        message: 'Rewritten',
        interest: 'partner',
        consentToContact: false,
        story: null,
      },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    const after = await payload.findByID({ collection: 'inquiries', id, depth: 0 })
    expect(after).toMatchObject({
      status: 'answered',
      assignee: editor.id,
      name: `Target ${after.name.split(' ')[1]}`,
      message: 'A question.',
      interest: 'question',
      consentToContact: true,
    })
    expect(after.email).not.toBe('rewritten@example.org')
  })
})
