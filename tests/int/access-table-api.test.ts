import type { Payload } from 'payload'

import { formatNames, toWords } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  accessTable,
  type AccessRow,
  apisOf,
  describeAccess,
  everyone,
  may,
  type Operation,
  operationsOf,
  type Who,
} from '@/access/accessTable.mjs'

import {
  type Attempt,
  attemptsFor,
  countOf,
  fixtureOf,
  globalFixtureOf,
  makeWorld,
  png,
  staffWhos,
  stored,
  storedGlobal,
  type World,
} from '../helpers/accessTable'
import { graphql, rest, tokenFor } from '../helpers/http'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * REST and GraphQL, in-process through the handlers `app/(payload)/api` mounts, against
 * access/accessTable.mjs: every row, role and operation, inside and just outside its condition,
 * answered and stored exactly as declared. A collection or global not served through one of them
 * (the row's `apis`) answers 404 there, or has no GraphQL name. The e2e role specs do the same
 * over HTTP against a production build, for the collections a client can make documents in.
 */
let payload: Payload
let world: World
const tokens: Partial<Record<Who, string | null>> = { anonymous: null }

beforeAll(async () => {
  payload = await startPayload()
  world = await makeWorld(payload)
  for (const who of staffWhos) tokens[who] = await tokenFor(payload, world.staff[who].email)
})

afterAll(() => stopPayload(payload))

type Data = Record<string, unknown>
type Answer = { status: number; body: Data; text: string }

async function answer(response: Response): Promise<Answer> {
  const text = await response.text()
  let body: Data = {}
  try {
    body = JSON.parse(text) as Data
  } catch {
    // Not JSON: the status says enough.
  }
  return { status: response.status, body, text: text.slice(0, 300) }
}

const created = (op: Operation) => (op === 'create' ? 201 : 200)

function expectStatus(result: Answer, op: Operation, attempt: Attempt, what: string, byKey = false): void {
  // By key, an anonymous caller is asked to sign in, and has no preference to find. Deleting by a
  // key the caller has no preference under fails inside Payload's SQLite query (500), deleting
  // nothing; `expectStored` checks that nothing was deleted.
  const refused = byKey ? [401, 403, 404, ...(op === 'delete' ? [500] : [])] : attempt.hidden ? [403, 404] : [403]
  const wanted = attempt.allowed ? [created(op)] : refused
  expect(wanted, `${what}: ${result.status} ${result.text}`).toContain(result.status)
}

/** The effect each operation must have, or not have, on the stored document. */
async function expectStored(
  row: AccessRow,
  op: Operation,
  attempt: Attempt,
  what: string,
  before: { count?: number; doc?: Data | null; createdId?: string },
): Promise<void> {
  if (op === 'create') {
    if (attempt.allowed) expect(before.createdId, `${what}: stored`).toBeTruthy()
    else expect(await countOf(world, row), `${what}: nothing stored`).toBe(before.count)
    return
  }
  if (op === 'read') return
  const after = await stored(world, row, attempt.id!)
  if (op === 'delete') {
    expect(after === null, `${what}: gone`).toBe(attempt.allowed)
    return
  }
  if (attempt.allowed) {
    if (attempt.change) expect(attempt.change.changed(after!), `${what}: stored`).toBe(true)
  } else {
    expect(after?.updatedAt, `${what}: nothing stored`).toEqual(before.doc?.updatedAt)
    if (attempt.change) expect(attempt.change.changed(after!), `${what}: nothing stored`).toBe(false)
  }
}

const query = (draft?: boolean) => `?depth=0${draft ? '&draft=true' : ''}`

async function restCollection(row: AccessRow, who: Who, op: Operation, attempt: Attempt): Promise<void> {
  const token = tokens[who] ?? null
  const path = `/api/${row.slug}`
  const what = `REST: ${who} ${op}s ${attempt.what} in ${row.slug}`
  const fixture = fixtureOf(row)

  if (op === 'create') {
    const count = await countOf(world, row)
    let response: Response
    if (fixture.upload) {
      const file = await png()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
      form.append('_payload', JSON.stringify(attempt.data))
      response = await rest('POST', `${path}${query(attempt.draft)}`, { token, form })
    } else response = await rest('POST', `${path}${query(attempt.draft)}`, { token, body: attempt.data })
    const result = await answer(response)
    expectStatus(result, op, attempt, what)
    const createdId = (result.body.doc as { id?: string } | undefined)?.id
    await expectStored(row, op, attempt, what, { count, createdId })
    return
  }

  const id = attempt.id!
  const doc = await stored(world, row, id)
  const byKey = Boolean(fixture.restByKey)
  const one = byKey ? `${path}/${encodeURIComponent(String(doc?.key))}` : `${path}/${id}`
  if (op === 'read') {
    const result = await answer(await rest('GET', `${one}${query(attempt.draft)}`, { token }))
    // By key, "none" is a 200 without a value.
    const found = byKey && result.status === 200 && result.body.value === null ? { ...result, status: 404 } : result
    expectStatus(found, op, attempt, what, byKey)
    const list = await answer(await rest('GET', `${path}${query(attempt.draft)}&where[id][equals]=${id}`, { token }))
    if (attempt.hidden && list.status === 200) expect(list.body.totalDocs, `${what} (list)`).toBe(0)
    else {
      expectStatus(list, op, { ...attempt, hidden: false }, `${what} (list)`)
      if (attempt.allowed) expect(list.body.totalDocs, `${what} (list)`).toBe(1)
    }
    return
  }
  const response =
    op === 'update'
      ? await rest('PATCH', `${path}/${id}${query(attempt.draft)}`, {
          token,
          body: attempt.change?.data ?? attempt.data,
        })
      : await rest('DELETE', byKey ? one : `${path}/${id}`, { token })
  expectStatus(await answer(response), op, attempt, what, byKey && op === 'delete')
  await expectStored(row, op, attempt, what, { doc })
}

async function restGlobal(row: AccessRow, who: Who, op: Operation): Promise<void> {
  const token = tokens[who] ?? null
  const attempt: Attempt = { what: row.slug, allowed: may(who, op, row.slug), hidden: false }
  const what = `REST: ${who} ${op}s ${row.slug}`
  if (op === 'read') {
    expectStatus(await answer(await rest('GET', `/api/globals/${row.slug}?depth=0`, { token })), op, attempt, what)
    return
  }
  const change = globalFixtureOf(row).change(world, who)
  const result = await answer(await rest('POST', `/api/globals/${row.slug}?depth=0`, { token, body: change.data }))
  expectStatus(result, op, attempt, what)
  expect(change.changed(await storedGlobal(world, row)), `${what}: stored`).toBe(attempt.allowed)
}

/** Payload's GraphQL names, worked out as @payloadcms/graphql works them out from the slug. */
function graphqlNames(row: AccessRow): { one: string; many: string } {
  if (row.kind === 'global') {
    const words = toWords(row.slug, true)
    return { one: words.endsWith('s') && !words.endsWith('ss') ? words.slice(0, -1) : words, many: '' }
  }
  const { singular, plural } = formatNames(row.slug)
  return { one: singular, many: singular === plural ? `all${singular}` : plural }
}

type GraphQLAnswer = Awaited<ReturnType<typeof graphql>>
type GraphQLError = { message: string; extensions?: { statusCode?: number } }

function expectGraphQL(result: GraphQLAnswer, attempt: Attempt, what: string, { upload = false } = {}): void {
  const errors = (result.errors ?? []) as GraphQLError[]
  const summary = JSON.stringify(errors.map((e) => [e.extensions?.statusCode, e.message]))
  if (attempt.allowed) {
    // GraphQL cannot carry the file an upload needs: allowed, it fails for that reason only.
    if (upload)
      expect(
        errors.every((e) => e.extensions?.statusCode !== 403),
        `${what}: ${summary}`,
      ).toBe(true)
    else expect(summary, what).toBe('[]')
    return
  }
  const wanted = attempt.hidden ? [403, 404] : [403]
  expect(errors.length, `${what} should be refused`).toBeGreaterThan(0)
  for (const error of errors) expect(wanted, `${what}: ${summary}`).toContain(error.extensions?.statusCode)
}

async function graphqlCollection(row: AccessRow, who: Who, op: Operation, attempt: Attempt): Promise<void> {
  const token = tokens[who] ?? null
  const { one, many } = graphqlNames(row)
  const draft = attempt.draft ? ', draft: true' : ''
  const what = `GraphQL: ${who} ${op}s ${attempt.what} in ${row.slug}`
  const fixture = fixtureOf(row)

  if (op === 'create') {
    const count = await countOf(world, row)
    const result = await graphql(
      `mutation ($data: mutation${one}Input!) { create${one}(data: $data${draft}) { id } }`,
      token,
      { data: attempt.data },
    )
    expectGraphQL(result, attempt, what, { upload: fixture.upload })
    const createdId = (result.data?.[`create${one}`] as { id?: string } | null)?.id
    if (!fixture.upload) await expectStored(row, op, attempt, what, { count, createdId })
    return
  }

  const id = attempt.id!
  const doc = await stored(world, row, id)
  if (op === 'read') {
    expectGraphQL(await graphql(`{ ${one}(id: ${JSON.stringify(id)}${draft}) { id } }`, token), attempt, what)
    const list = await graphql(
      `{ ${many}(where: { id: { equals: ${JSON.stringify(id)} } }${draft}) { totalDocs } }`,
      token,
    )
    const listed = (list.data?.[many] as { totalDocs?: number } | null)?.totalDocs
    if (attempt.hidden && !list.errors) expect(listed, `${what} (list)`).toBe(0)
    else {
      expectGraphQL(list, { ...attempt, hidden: false }, `${what} (list)`)
      if (attempt.allowed) expect(listed, `${what} (list)`).toBe(1)
    }
    return
  }
  const result =
    op === 'update'
      ? await graphql(
          `mutation ($id: String!, $data: mutation${one}UpdateInput!) { update${one}(id: $id, data: $data${draft}) { id } }`,
          token,
          { id, data: attempt.change?.data ?? attempt.data },
        )
      : await graphql(`mutation ($id: String!) { delete${one}(id: $id) { id } }`, token, { id })
  expectGraphQL(result, attempt, what)
  await expectStored(row, op, attempt, what, { doc })
}

async function graphqlGlobal(row: AccessRow, who: Who, op: Operation): Promise<void> {
  const token = tokens[who] ?? null
  const { one } = graphqlNames(row)
  const attempt: Attempt = { what: row.slug, allowed: may(who, op, row.slug), hidden: false }
  const what = `GraphQL: ${who} ${op}s ${row.slug}`
  if (op === 'read') {
    expectGraphQL(await graphql(`{ ${one} { updatedAt } }`, token), attempt, what)
    return
  }
  const change = globalFixtureOf(row).change(world, who)
  const result = await graphql(
    `mutation ($data: mutation${one}Input!) { update${one}(data: $data) { updatedAt } }`,
    token,
    { data: change.data },
  )
  expectGraphQL(result, attempt, what)
  expect(change.changed(await storedGlobal(world, row)), `${what}: stored`).toBe(attempt.allowed)
}

/** Not served through REST: every path answers 404, whoever asks. */
async function restAbsent(row: AccessRow, who: Who): Promise<void> {
  const token = tokens[who] ?? null
  const base = row.kind === 'global' ? `/api/globals/${row.slug}` : `/api/${row.slug}`
  const some = '00000000-0000-4000-8000-000000000000'
  const calls: Array<[Parameters<typeof rest>[0], string]> =
    row.kind === 'global'
      ? [
          ['GET', base],
          ['POST', base],
        ]
      : [
          ['GET', base],
          ['POST', base],
          ['GET', `${base}/${some}`],
          ['PATCH', `${base}/${some}`],
          ['DELETE', `${base}/${some}`],
        ]
  for (const [method, path] of calls) {
    const response = await rest(method, path, {
      token,
      ...(method === 'POST' || method === 'PATCH' ? { body: {} } : {}),
    })
    expect(response.status, `${who} ${method} ${path}`).toBe(404)
  }
}

/** Not served through GraphQL: the schema has no query by its name. */
async function graphqlAbsent(row: AccessRow, who: Who): Promise<void> {
  const { one, many } = graphqlNames(row)
  const result = await graphql(`{ ${row.kind === 'global' ? one : many} { __typename } }`, tokens[who] ?? null)
  expect(result.errors?.[0]?.message ?? '', `${who}: ${one} in GraphQL`).toMatch(/Cannot query field/)
}

describe.each(accessTable.map((row) => [`${row.kind} ${row.slug}`, row] as const))('%s, REST and GraphQL', (_, row) => {
  it.each(everyone.map((who) => [`${who}: ${describeAccess(who, row.slug)}`, who] as const))('%s', async (_, who) => {
    const apis = apisOf(row)
    if (!apis.includes('rest')) await restAbsent(row, who)
    if (!apis.includes('graphql')) await graphqlAbsent(row, who)
    for (const op of operationsOf(row)) {
      if (row.kind === 'global') {
        if (apis.includes('rest')) await restGlobal(row, who, op)
        if (apis.includes('graphql')) await graphqlGlobal(row, who, op)
        continue
      }
      // Fresh documents for each API: an allowed delete or update through one changes them.
      if (apis.includes('rest')) {
        for (const attempt of await attemptsFor(world, row, who, op)) await restCollection(row, who, op, attempt)
      }
      if (apis.includes('graphql')) {
        for (const attempt of await attemptsFor(world, row, who, op)) await graphqlCollection(row, who, op, attempt)
      }
    }
  })
})
