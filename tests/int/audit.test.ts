import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/lib/roles'
import type { AuditLog, User } from '@/payload-types'
import { consentOverview } from '@/privacy/consent/overview'
import { privateData } from '@/privacy/privateData'

import { createStory, writtenConsent } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * Every read that hands a private value to a person leaves one audit entry per operation (who,
 * what, when), whatever the path: local API, REST, GraphQL, relationship population, a write's
 * response, the admin dashboard and consent-evidence downloads. Reads by Voices itself do not.
 * No entry ever holds a value: the last test searches the whole log for every private string
 * this file wrote.
 */
let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

/** Every private value written below, so the last test can look for each in the log. */
const secrets: string[] = []
let n = 0

function secret(label: string): string {
  n += 1
  const value = `${label} secret ${n} ${Math.random().toString(36).slice(2, 8)}`
  secrets.push(value)
  return value
}

async function participant(publicName = `Pseudonym ${n + 1}`, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'participants',
    data: {
      publicName,
      legalName: secret('Legal name'),
      notes: secret('Note'),
      consent: { ...writtenConsent(['name']), withdrawalReason: secret('Reason') },
      ...extra,
    },
  })
}

async function leader() {
  return payload.create({
    collection: 'leaders',
    data: { publicName: `Leader ${n + 1}`, realName: secret('Real name'), consent: writtenConsent(['name']) },
  })
}

const staff: Partial<Record<Role, User>> = {}
const tokens: Partial<Record<Role, string>> = {}

async function member(role: Role): Promise<User> {
  staff[role] ??= await createStaff(payload, role)
  return staff[role]
}

async function token(role: Role): Promise<string> {
  tokens[role] ??= await tokenFor(payload, (await member(role)).email)
  return tokens[role]
}

type Entry = {
  user: string | null
  action: AuditLog['action']
  collection: string
  document: string | null
  documents: string[]
  fields: string[]
}

/** The entries written since `mark`, oldest first, in a shape tests compare exactly. */
async function entriesSince(mark: string): Promise<Entry[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { at: { greater_than: mark } },
    sort: 'at',
    limit: 500,
    depth: 0,
  })
  return docs.map((doc) => ({
    user: (doc.user as string | null | undefined) ?? null,
    action: doc.action,
    collection: doc.documentCollection,
    document: doc.document ?? null,
    documents: [...(doc.documents ?? [])].sort(),
    fields: doc.fields ?? [],
  }))
}

/** A timestamp strictly before anything the next action writes. */
async function mark(): Promise<string> {
  const at = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  return at
}

function read(user: User, collection: string, ids: string[], fields: string[]): Entry {
  return {
    user: user.id,
    action: 'read',
    collection,
    document: ids.length === 1 ? ids[0]! : null,
    documents: [...ids].sort(),
    fields,
  }
}

const participantFields = ['legalName', 'notes', 'consent']

describe('the declaration of private data', () => {
  it('names participants’ legal name, notes and consent, leaders’ real name and consent, and all evidence', () => {
    expect(privateData).toEqual({
      participants: { fields: ['legalName', 'notes', 'consent'] },
      leaders: { fields: ['realName', 'consent'] },
      'consent-evidence': { wholeDocument: true, file: true },
    })
  })
})

describe('reads through the local API, with access enforced', () => {
  it('logs a list read once, with every document and the fields it returned', async () => {
    const people = [await participant('List A'), await participant('List B'), await participant('List C')]
    const ids = people.map((p) => p.id)
    const safeguarding = await member('safeguarding')
    const since = await mark()
    const result = await payload.find({
      collection: 'participants',
      where: { id: { in: ids } },
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    expect(result.docs.map((doc) => doc.legalName).sort()).toEqual(people.map((p) => p.legalName).sort())
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'participants', ids, participantFields)])
  })

  it('logs only the private fields a read selected, and nothing when it selected none', async () => {
    const person = await participant()
    const admin = await member('admin')
    const since = await mark()
    const req = await requestAs(payload, admin)
    await payload.findByID({
      collection: 'participants',
      id: person.id,
      select: { publicName: true, notes: true },
      overrideAccess: false,
      req,
    })
    await payload.find({
      collection: 'participants',
      where: { id: { equals: person.id } },
      select: { publicName: true },
      overrideAccess: false,
      req,
    })
    expect(await entriesSince(since)).toEqual([read(admin, 'participants', [person.id], ['notes'])])
  })

  it('logs nothing when editors and contributors read participants: field access gives them no private field', async () => {
    const person = await participant()
    const since = await mark()
    for (const role of ['editor', 'contributor'] as const) {
      const req = await requestAs(payload, await member(role))
      const { docs } = await payload.find({
        collection: 'participants',
        where: { id: { equals: person.id } },
        overrideAccess: false,
        req,
      })
      expect(docs[0]?.legalName, role).toBeUndefined()
      await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: false, req })
    }
    expect(await entriesSince(since)).toEqual([])
  })

  it('does not log Voices’ own reads: no user, access overridden, or code that records its own entry', async () => {
    const person = await participant()
    const since = await mark()
    await payload.find({ collection: 'participants', where: { id: { equals: person.id } } })
    const req = await requestAs(payload, await member('admin'))
    await payload.findByID({ collection: 'participants', id: person.id, req })
    await payload.findByID({
      collection: 'participants',
      id: person.id,
      overrideAccess: false,
      req: await requestAs(payload, await member('admin')),
      context: { audit: true },
    })
    await payload
      .find({
        collection: 'participants',
        overrideAccess: false,
        req: await requestAs(payload, null),
      })
      .catch(() => null)
    expect(await entriesSince(since)).toEqual([])
  })

  it('logs every read in a request, not only the first', async () => {
    const [a, b] = [await participant(), await participant()]
    const safeguarding = await member('safeguarding')
    const req = await requestAs(payload, safeguarding)
    const since = await mark()
    await payload.findByID({ collection: 'participants', id: a.id, overrideAccess: false, req })
    await payload.findByID({ collection: 'participants', id: b.id, overrideAccess: false, req })
    expect(await entriesSince(since)).toEqual([
      read(safeguarding, 'participants', [a.id], participantFields),
      read(safeguarding, 'participants', [b.id], participantFields),
    ])
  })

  it('logs leaders’ real name and consent', async () => {
    const person = await leader()
    const safeguarding = await member('safeguarding')
    const since = await mark()
    await payload.find({
      collection: 'leaders',
      where: { id: { equals: person.id } },
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    // Leaders are public: a visitor's read carries no private field and leaves no entry.
    await payload.find({ collection: 'leaders', overrideAccess: false, req: await requestAs(payload, null) })
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'leaders', [person.id], ['realName', 'consent'])])
  })
})

describe('reads through REST', () => {
  it('logs a list, a single document and a write’s response, and finds entries by document', async () => {
    const people = [await participant(), await participant()]
    const ids = people.map((p) => p.id)
    const admin = await member('admin')
    const since = await mark()
    const list = await rest('GET', `/api/participants?where[id][in]=${ids.join(',')}&depth=0`, {
      token: await token('admin'),
    })
    expect(list.status).toBe(200)
    const one = await rest('GET', `/api/participants/${ids[0]}?depth=0`, { token: await token('admin') })
    expect(one.status).toBe(200)
    // Renaming her returns the whole record, her legal name included: that is a read too.
    const renamed = await rest('PATCH', `/api/participants/${ids[1]}?depth=0`, {
      token: await token('admin'),
      body: { publicName: 'Renamed' },
    })
    expect(renamed.status).toBe(200)
    expect(await entriesSince(since)).toEqual([
      read(admin, 'participants', ids, participantFields),
      read(admin, 'participants', [ids[0]!], participantFields),
      read(admin, 'participants', [ids[1]!], participantFields),
    ])

    const about = await rest('GET', `/api/audit-log?where[documents][contains]=${ids[1]}&depth=0&limit=50`, {
      token: await token('admin'),
    })
    const found = (await about.json()) as { docs: AuditLog[] }
    expect(found.docs.filter((doc) => doc.at > since).map((doc) => doc.document ?? doc.documents)).toEqual([
      ids[1],
      ids,
    ])
  })

  it('logs the participants a story populates (depth 1), under the population’s own entry', async () => {
    const people = [await participant(), await participant()]
    const ids = people.map((p) => p.id)
    const story = await createStory(payload, { featuredParticipants: ids })
    const admin = await member('admin')
    const since = await mark()
    const response = await rest('GET', `/api/stories/${story.id}?depth=1`, { token: await token('admin') })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { featuredParticipants: Array<{ legalName?: string }> }
    expect(body.featuredParticipants.map((p) => p.legalName).sort()).toEqual(people.map((p) => p.legalName).sort())
    expect(await entriesSince(since)).toEqual([read(admin, 'participants', ids, participantFields)])

    const none = await mark()
    await rest('GET', `/api/stories/${story.id}?depth=0`, { token: await token('admin') })
    await rest('GET', `/api/stories/${story.id}?depth=1`, { token: await token('editor') })
    expect(await entriesSince(none)).toEqual([])
  })
})

describe('reads through GraphQL', () => {
  it('logs list and single reads, and relationship population', async () => {
    const people = [await participant(), await participant()]
    const ids = people.map((p) => p.id)
    const story = await createStory(payload, { featuredParticipants: [ids[0]!] })
    const safeguarding = await member('safeguarding')
    const auth = await token('safeguarding')

    let since = await mark()
    const list = await graphql(
      `{ Participants(where: { id: { in: ${JSON.stringify(ids)} } }) { docs { id legalName } } }`,
      auth,
    )
    expect(list.errors).toBeUndefined()
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'participants', ids, participantFields)])

    since = await mark()
    const one = await graphql(`{ Participant(id: "${ids[1]}") { notes } }`, auth)
    expect((one.data?.Participant as { notes: string }).notes).toBe(people[1]!.notes)
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'participants', [ids[1]!], participantFields)])

    since = await mark()
    const populated = await graphql(`{ Story(id: "${story.id}") { featuredParticipants { legalName } } }`, auth)
    expect(populated.errors).toBeUndefined()
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'participants', [ids[0]!], participantFields)])

    since = await mark()
    const both = await graphql(
      `{ a: Participant(id: "${ids[0]}") { legalName } b: Participant(id: "${ids[1]}") { legalName } }`,
      auth,
    )
    expect(both.errors).toBeUndefined()
    const entries = await entriesSince(since)
    expect(entries.map((entry) => entry.document).sort()).toEqual([...ids].sort())

    since = await mark()
    const editor = await graphql(`{ Participant(id: "${ids[1]}") { publicName } }`, await token('editor'))
    expect(editor.errors).toBeUndefined()
    expect(await entriesSince(since)).toEqual([])
  })
})

describe('the admin dashboard', () => {
  it('logs the consent records whose expiry dates it shows', async () => {
    const day = 24 * 60 * 60 * 1000
    const ending = await participant('Ending soon', {
      consent: { ...writtenConsent(['name']), expiresAt: new Date(Date.now() + 3 * day).toISOString() },
    })
    const safeguarding = await member('safeguarding')
    const since = await mark()
    const overview = await consentOverview(payload, { ...safeguarding, collection: 'users' })
    expect(overview.expiring.map((item) => item.id)).toContain(ending.id)
    const entries = await entriesSince(since)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ user: safeguarding.id, action: 'read', collection: 'participants' })
    expect(entries[0]!.documents).toContain(ending.id)
    expect(entries[0]!.fields).toEqual(['consent'])

    const none = await mark()
    await consentOverview(payload, { ...(await member('editor')), collection: 'users' })
    expect(await entriesSince(none)).toEqual([])
  })
})

/** A scanned form; its bytes are what a download must return. */
async function scannedForm(): Promise<Buffer> {
  return sharp({ create: { width: 30, height: 40, channels: 3, background: '#fefefe' } })
    .png()
    .toBuffer()
}

async function evidence() {
  const scan = await scannedForm()
  return payload.create({
    collection: 'consent-evidence',
    data: { note: secret('Evidence note') },
    file: { data: scan, mimetype: 'image/png', name: 'signed-form.png', size: scan.length },
  })
}

describe('consent evidence', () => {
  it('serves its files to safeguarding staff and admins only, and logs each download', async () => {
    const doc = await evidence()
    const path = `/api/consent-evidence/file/${doc.filename}`
    const since = await mark()
    expect((await rest('GET', path)).status).toBe(403)
    for (const role of ['editor', 'contributor'] as const) {
      expect((await rest('GET', path, { token: await token(role) })).status, role).toBe(403)
    }
    expect(await entriesSince(since)).toEqual([])

    const downloads = await mark()
    for (const role of ['safeguarding', 'admin'] as const) {
      const response = await rest('GET', path, { token: await token(role) })
      expect(response.status, role).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(await scannedForm()), role).toBe(true)
    }
    const [safeguarding, admin] = [await member('safeguarding'), await member('admin')]
    expect(await entriesSince(downloads)).toEqual([
      read(safeguarding, 'consent-evidence', [doc.id], ['file']),
      read(admin, 'consent-evidence', [doc.id], ['file']),
    ])
  })

  it('answers 404 for a name that belongs to no evidence, and logs nothing', async () => {
    const since = await mark()
    const response = await rest('GET', '/api/consent-evidence/file/00000000-0000-4000-8000-000000000000.png', {
      token: await token('safeguarding'),
    })
    expect(response.status).toBe(404)
    expect(
      (await rest('GET', '/api/consent-evidence/file/..%2Fvoices.db', { token: await token('admin') })).status,
    ).not.toBe(200)
    expect(await entriesSince(since)).toEqual([])
  })

  it('logs reads of the document itself, and its population into her consent record', async () => {
    const doc = await evidence()
    const person = await participant('With evidence', {
      consent: { ...writtenConsent(['name']), evidence: doc.id },
    })
    const safeguarding = await member('safeguarding')
    let since = await mark()
    await rest('GET', `/api/consent-evidence/${doc.id}`, { token: await token('safeguarding') })
    expect(await entriesSince(since)).toEqual([read(safeguarding, 'consent-evidence', [doc.id], ['document'])])

    since = await mark()
    await rest('GET', `/api/participants/${person.id}?depth=1`, { token: await token('safeguarding') })
    expect(await entriesSince(since)).toEqual([
      read(safeguarding, 'consent-evidence', [doc.id], ['document']),
      read(safeguarding, 'participants', [person.id], participantFields),
    ])
  })

  it('logs uploads, changes and deletions of evidence', async () => {
    const safeguarding = await member('safeguarding')
    const req = await requestAs(payload, safeguarding)
    const scan = await scannedForm()
    const since = await mark()
    const doc = await payload.create({
      collection: 'consent-evidence',
      data: { note: secret('Uploaded note') },
      file: { data: scan, mimetype: 'image/png', name: 'form.png', size: scan.length },
      overrideAccess: false,
      req,
    })
    await payload.update({
      collection: 'consent-evidence',
      id: doc.id,
      data: { note: secret('Changed note') },
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    await payload.delete({
      collection: 'consent-evidence',
      id: doc.id,
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    const write = (action: Entry['action'], fields: string[]): Entry => ({
      ...read(safeguarding, 'consent-evidence', [doc.id], fields),
      action,
    })
    expect(await entriesSince(since)).toEqual([
      write('create', ['document', 'file']),
      read(safeguarding, 'consent-evidence', [doc.id], ['document']),
      write('update', ['document']),
      read(safeguarding, 'consent-evidence', [doc.id], ['document']),
      write('delete', ['document', 'file']),
    ])
  })
})

describe('erasure', () => {
  async function erase(collection: 'participants' | 'leaders', id: string) {
    const response = await rest('POST', `/api/${collection}/${id}/erase`, { token: await token('safeguarding') })
    expect(response.status).toBe(200)
  }

  it('records the fields it erased as declared: a leader has no notes', async () => {
    const person = await leader()
    const safeguarding = await member('safeguarding')
    const since = await mark()
    await erase('leaders', person.id)
    expect(await entriesSince(since)).toEqual([
      {
        ...read(safeguarding, 'leaders', [person.id], ['realName', 'consent', 'photo', 'publicRole', 'bio']),
        action: 'erase',
      },
    ])
  })

  it('records a participant’s erased fields and her evidence file’s deletion', async () => {
    const doc = await evidence()
    const person = await participant('To erase', { consent: { ...writtenConsent(['name']), evidence: doc.id } })
    const safeguarding = await member('safeguarding')
    const since = await mark()
    await erase('participants', person.id)
    expect(await entriesSince(since)).toEqual([
      { ...read(safeguarding, 'consent-evidence', [doc.id], ['document', 'file']), action: 'delete' },
      { ...read(safeguarding, 'participants', [person.id], participantFields), action: 'erase' },
    ])
  })
})

describe('who an image shows', () => {
  async function photo(peopleShown: Array<{ relationTo: 'participants' | 'leaders'; value: string }>, user: User) {
    const data = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#445566' } })
      .png()
      .toBuffer()
    return payload.create({
      collection: 'media',
      data: { alt: 'A group at work', peopleShown },
      file: { data, mimetype: 'image/png', name: 'group.png', size: data.length },
      overrideAccess: false,
      user,
    })
  }
  const change = (user: User, action: 'create' | 'update', id: string): Entry => ({
    user: user.id,
    action,
    collection: 'media',
    document: id,
    documents: [id],
    fields: ['peopleShown'],
  })

  it('logs each change to it by a member of staff, and nothing when it stays the same', async () => {
    const [first, second] = [await participant(), await participant()]
    const [editor, admin] = [await member('editor'), await member('admin')]
    const asRef = (id: string | number) => ({ relationTo: 'participants' as const, value: String(id) })
    const since = await mark()
    const image = await photo([asRef(first.id)], editor)
    const update = (user: User, data: Record<string, unknown>) =>
      payload.update({ collection: 'media', id: image.id, data, overrideAccess: false, user })
    // Added, then someone else added; the alt text alone; someone taken off by an admin.
    await update(editor, { peopleShown: [asRef(first.id), asRef(second.id)] })
    await update(editor, { alt: 'A group at work, seen from the door' })
    await update(admin, { peopleShown: [asRef(second.id)] })
    // Voices' own writes (no user) are not a person's change.
    await payload.update({ collection: 'media', id: image.id, data: { peopleShown: [] } })
    const entries = (await entriesSince(since)).filter((entry) => entry.collection === 'media')
    expect(entries).toEqual([
      change(editor, 'create', String(image.id)),
      change(editor, 'update', String(image.id)),
      change(admin, 'update', String(image.id)),
    ])
  })
})

describe('the audit log itself', () => {
  it('holds no private value anywhere, over everything this file did', async () => {
    const { docs, totalDocs } = await payload.find({ collection: 'audit-log', limit: 0, pagination: false, depth: 0 })
    expect(totalDocs).toBeGreaterThan(20)
    const log = JSON.stringify(docs)
    expect(secrets.length).toBeGreaterThan(20)
    for (const value of secrets) expect(log).not.toContain(value)
    // The public names of people are not private, but nothing else about them appears either.
    expect(log).not.toMatch(/secret \d+/)
  })
})
