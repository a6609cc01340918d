import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

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
  privateFields,
  rowOf,
  type Who,
} from '@/access/accessTable.mjs'
import { isPrivateCollection, privateData, privateFieldsOf } from '@/privacy/privateData'

import {
  type Attempt,
  attemptsFor,
  countOf,
  fixtureOf,
  globalFixtureOf,
  label,
  makeWorld,
  png,
  stored,
  storedGlobal,
  userOf,
  type World,
} from '../helpers/accessTable'
import { writtenConsent } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * Payload's local API, as a user (`overrideAccess: false`), against access/accessTable.mjs: for
 * every row, role and operation the table declares, the operation succeeds or is refused exactly
 * as declared, inside and just outside its condition where it has one; then every private field
 * of privacy/privateData.ts, read and written by every role.
 */
let payload: Payload
let world: World

beforeAll(async () => {
  payload = await startPayload()
  world = await makeWorld(payload)
})

afterAll(() => stopPayload(payload))

type Outcome = { ok: true; doc: Record<string, unknown> } | { ok: false; status: number; message: string }

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, doc: (await run()) as Record<string, unknown> }
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string }
    return { ok: false, status: status ?? 500, message: message ?? String(error) }
  }
}

/** Refused: 403, or 404 where a condition hides the document. */
function expectRefused(result: Outcome, attempt: Attempt, what: string): void {
  expect(result.ok, `${what} should be refused`).toBe(false)
  if (result.ok) return
  expect(attempt.hidden ? [403, 404] : [403], `${what}: ${result.status} ${result.message}`).toContain(result.status)
}

function expectAllowed(result: Outcome, what: string): void {
  expect(result.ok ? '' : `${result.status} ${result.message}`, `${what} should be allowed`).toBe('')
}

async function tryCollection(row: AccessRow, who: Who, op: Operation, attempt: Attempt): Promise<void> {
  const collection = row.slug as CollectionSlug
  const fixture = fixtureOf(row)
  const req = await requestAs(payload, userOf(world, who))
  const as = { overrideAccess: false, req, depth: 0 } as const
  const what = `${who} ${op}s ${attempt.what} in ${row.slug}`

  if (op === 'create') {
    const before = await countOf(world, row)
    const result = await outcome(async () =>
      payload.create({
        collection,
        data: attempt.data as never,
        draft: attempt.draft,
        ...(fixture.upload ? { file: await png() } : {}),
        ...as,
      }),
    )
    if (attempt.allowed) {
      expectAllowed(result, what)
      if (result.ok) expect(await stored(world, row, String(result.doc.id)), what).not.toBeNull()
    } else {
      expectRefused(result, attempt, what)
      expect(await countOf(world, row), `${what}: nothing stored`).toBe(before)
    }
    return
  }

  const id = attempt.id!
  const before = await stored(world, row, id)
  expect(before, `${what}: the document exists`).not.toBeNull()

  if (op === 'read') {
    const one = await outcome(() => payload.findByID({ collection, id, draft: attempt.draft, ...as }))
    const list = await outcome(() =>
      payload.find({ collection, where: { id: { equals: id } }, draft: attempt.draft, ...as }),
    )
    if (attempt.allowed) {
      expectAllowed(one, what)
      if (one.ok) expect(String(one.doc.id)).toBe(id)
      expectAllowed(list, `${what} (list)`)
      if (list.ok) expect((list.doc as { totalDocs: number }).totalDocs, `${what} (list)`).toBe(1)
    } else {
      expectRefused(one, attempt, what)
      // A list is refused outright, or, where a condition applies, leaves the document out.
      if (attempt.hidden && list.ok) expect((list.doc as { totalDocs: number }).totalDocs, `${what} (list)`).toBe(0)
      else expectRefused(list, { ...attempt, hidden: false }, `${what} (list)`)
    }
    return
  }

  if (op === 'update') {
    const data = attempt.change?.data ?? attempt.data ?? {}
    const result = await outcome(() =>
      payload.update({ collection, id, data: data as never, draft: attempt.draft, ...as }),
    )
    const after = await stored(world, row, id)
    if (attempt.allowed) {
      expectAllowed(result, what)
      if (attempt.change) expect(attempt.change.changed(after!), `${what}: stored`).toBe(true)
    } else {
      expectRefused(result, attempt, what)
      expect(after?.updatedAt, `${what}: nothing stored`).toEqual(before?.updatedAt)
      if (attempt.change) expect(attempt.change.changed(after!), `${what}: nothing stored`).toBe(false)
    }
    return
  }

  const result = await outcome(() => payload.delete({ collection, id, ...as }))
  const after = await stored(world, row, id)
  if (attempt.allowed) {
    expectAllowed(result, what)
    expect(after, `${what}: gone`).toBeNull()
  } else {
    expectRefused(result, attempt, what)
    expect(after, `${what}: still there`).not.toBeNull()
  }
}

async function tryGlobal(row: AccessRow, who: Who, op: Operation): Promise<void> {
  const slug = row.slug as GlobalSlug
  const allowed = may(who, op, row.slug)
  const req = await requestAs(payload, userOf(world, who))
  const what = `${who} ${op}s ${row.slug}`
  const attempt: Attempt = { what: row.slug, allowed, hidden: false }
  if (op === 'read') {
    const result = await outcome(() => payload.findGlobal({ slug, overrideAccess: false, req, depth: 0 }))
    if (allowed) expectAllowed(result, what)
    else expectRefused(result, attempt, what)
    return
  }
  const change = globalFixtureOf(row).change(world, who)
  const result = await outcome(() =>
    payload.updateGlobal({ slug, data: change.data as never, overrideAccess: false, req, depth: 0 }),
  )
  const after = await storedGlobal(world, row)
  if (allowed) {
    expectAllowed(result, what)
    expect(change.changed(after), `${what}: stored`).toBe(true)
  } else {
    expectRefused(result, attempt, what)
    expect(change.changed(after), `${what}: nothing stored`).toBe(false)
  }
}

const localRows = accessTable.filter((row) => apisOf(row).includes('local'))

describe.each(localRows.map((row) => [`${row.kind} ${row.slug}`, row] as const))('%s, local API', (_, row) => {
  it.each(everyone.map((who) => [`${who}: ${describeAccess(who, row.slug)}`, who] as const))('%s', async (_, who) => {
    for (const op of operationsOf(row)) {
      if (row.kind === 'global') {
        await tryGlobal(row, who, op)
        continue
      }
      for (const attempt of await attemptsFor(world, row, who, op)) await tryCollection(row, who, op, attempt)
    }
  })
})

/** Every private field of a participant and a leader, filled in; a leader shown on the site. */
async function privateDocuments(): Promise<Record<'participants' | 'leaders', string>> {
  const participant = await payload.create({
    collection: 'participants',
    data: {
      publicName: label('Private participant'),
      legalName: label('Legal name'),
      notes: label('Notes'),
      consent: writtenConsent(['name']),
    },
  })
  const leader = await payload.create({
    collection: 'leaders',
    data: { publicName: label('Private leader'), realName: label('Real name'), consent: writtenConsent(['name']) },
  })
  return { participants: String(participant.id), leaders: String(leader.id) }
}

const fieldRows = Object.keys(privateData).flatMap((slug) =>
  isPrivateCollection(slug) && 'fields' in privateData[slug]
    ? privateFieldsOf(slug).map((field) => [slug as 'participants' | 'leaders', field] as const)
    : [],
)

describe('private fields (privacy/privateData.ts)', () => {
  it.each(fieldRows.map(([slug, field]) => [`${slug}.${field}`, slug, field] as const))(
    '%s reaches only its readers, and only its writers change it',
    async (_, slug, field) => {
      const docs = await privateDocuments()
      const id = docs[slug]
      for (const who of everyone) {
        const req = await requestAs(payload, userOf(world, who))
        const read = await outcome(() =>
          payload.findByID({ collection: slug, id, overrideAccess: false, req, depth: 0 }),
        )
        const present = read.ok && read.doc[field] !== undefined && read.doc[field] !== null
        expect(present, `${who} reads ${slug}.${field}`).toBe(privateFields.readers.includes(who))

        if (!may(who, 'update', slug)) continue
        const value = field === 'consent' ? { ...writtenConsent(['name']), status: 'verbal' } : label(`${who} wrote`)
        const writer = await requestAs(payload, userOf(world, who))
        const written = await outcome(() =>
          payload.update({ collection: slug, id, data: { [field]: value }, overrideAccess: false, req: writer }),
        )
        // A writer's change is stored; anyone else's is refused or ignored, and never stored.
        if (privateFields.writers.includes(who)) expectAllowed(written, `${who} writes ${slug}.${field}`)
        const after = (await stored(world, rowOf(slug), id))!
        const storedValue =
          field === 'consent' ? (after.consent as { status?: string } | undefined)?.status : after[field]
        const wanted = field === 'consent' ? 'verbal' : value
        expect(storedValue === wanted, `${who} writes ${slug}.${field}`).toBe(privateFields.writers.includes(who))
        // Put it back as it was for the next role.
        if (storedValue === wanted) {
          const original = field === 'consent' ? writtenConsent(['name']) : label('Restored')
          await payload.update({ collection: slug, id, data: { [field]: original } })
        }
      }
    },
  )

  const wholes = Object.keys(privateData).filter(
    (slug) => isPrivateCollection(slug) && 'wholeDocument' in privateData[slug],
  ) as CollectionSlug[]

  it.each(wholes)('%s, private as a whole, and its file reach only the readers', async (slug) => {
    const doc = await payload.create({
      collection: slug,
      data: { note: label('Evidence') } as never,
      file: await png(),
    })
    const filename = (doc as { filename?: string }).filename
    for (const who of everyone) {
      const user = userOf(world, who)
      const req = await requestAs(payload, user)
      const read = await outcome(() =>
        payload.findByID({ collection: slug, id: doc.id, overrideAccess: false, depth: 0, req }),
      )
      expect(read.ok, `${who} reads ${slug}`).toBe(privateFields.readers.includes(who))
      if (!('file' in privateData[slug as 'consent-evidence']) || !filename) continue
      const token = user ? await tokenFor(payload, user.email) : null
      const file = await rest('GET', `/api/${slug}/file/${filename}`, { token })
      expect(file.status === 200, `${who} downloads the ${slug} file: ${file.status}`).toBe(
        privateFields.readers.includes(who),
      )
    }
  })
})
