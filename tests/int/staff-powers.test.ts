import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/lib/roles'
import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'

import { formStateWithOwnLocks } from '@/access/formStateWithOwnLocks'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const members = new Map<Role, Promise<{ user: User; token: string }>>()

/** One account per role for the whole file, signed in once. */
function member(role: Role): Promise<{ user: User; token: string }> {
  if (!members.has(role)) {
    members.set(
      role,
      createStaff(payload, role).then(async (user) => ({ user, token: await tokenFor(payload, user.email) })),
    )
  }
  return members.get(role)!
}

/** A small PNG standing in for a photo. */
async function image(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#a07050' } })
    .png()
    .toBuffer()
}

async function uploadAs(user: User, data: Record<string, unknown> = {}) {
  const file = await image()
  return payload.create({
    collection: 'media',
    data: { alt: 'A table with tea cups', ...data },
    file: { data: file, mimetype: 'image/png', name: 'photo.png', size: file.length },
    overrideAccess: false,
    req: await requestAs(payload, user),
  })
}

const idOf = (value: unknown) => (typeof value === 'object' && value ? (value as { id: string }).id : value)

describe('media ownership', () => {
  it('records the uploader from the session, whatever the request claims', async () => {
    const { user: author, token } = await member('contributor')
    const other = (await member('editor')).user
    const media = await uploadAs(author, { uploadedBy: other.id })
    expect(idOf(media.uploadedBy)).toBe(author.id)

    // Over REST, as a multipart upload carrying a forged uploader.
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await image())], { type: 'image/png' }), 'photo.png')
    form.append('_payload', JSON.stringify({ alt: 'Forged', uploadedBy: other.id }))
    const response = await rest('POST', '/api/media?depth=0', { token, form })
    expect(response.status).toBe(201)
    expect(((await response.json()) as { doc: { uploadedBy: string } }).doc.uploadedBy).toBe(author.id)
  })

  it('can never be changed afterwards, by the uploader or an admin', async () => {
    const author = (await member('contributor')).user
    const admin = (await member('admin')).user
    const media = await uploadAs(author)
    for (const user of [author, admin]) {
      const updated = await payload.update({
        collection: 'media',
        id: media.id,
        data: { uploadedBy: admin.id, alt: `Edited by ${user.role}` },
        overrideAccess: false,
        req: await requestAs(payload, user),
      })
      expect(updated.alt).toBe(`Edited by ${user.role}`)
      expect(idOf(updated.uploadedBy)).toBe(author.id)
    }
    // Not even Voices' own code, writing with system rights, moves it.
    const system = await payload.update({ collection: 'media', id: media.id, data: { uploadedBy: admin.id } })
    expect(idOf(system.uploadedBy)).toBe(author.id)
  })

  it('lets contributors change their own uploads only; editors and admins any; safeguarding none', async () => {
    const { user: author, token: authorToken } = await member('contributor')
    const colleague = await createStaff(payload, 'contributor')
    const colleagueToken = await tokenFor(payload, colleague.email)
    const media = await uploadAs(author)
    const status = async (token: string | null, alt: string) =>
      (await rest('PATCH', `/api/media/${media.id}`, { token, body: { alt } })).status
    expect(await status(authorToken, 'By the uploader')).toBe(200)
    expect(await status(colleagueToken, 'By a colleague')).toBe(403)
    expect(await status((await member('safeguarding')).token, 'By safeguarding')).toBe(403)
    expect(await status(null, 'Anonymous')).toBe(403)
    expect(await status((await member('editor')).token, 'By an editor')).toBe(200)
    expect(await status((await member('admin')).token, 'By an admin')).toBe(200)

    // The local API with access enforced, and GraphQL, give the same answers.
    await expect(
      payload.update({
        collection: 'media',
        id: media.id,
        data: { caption: 'Not hers' },
        overrideAccess: false,
        req: await requestAs(payload, colleague),
      }),
    ).rejects.toThrow(/not allowed/i)
    const mutation = `mutation { updateMedia(id: "${media.id}", data: { caption: "Via GraphQL" }) { caption } }`
    const refused = await graphql(mutation, colleagueToken)
    expect(refused.errors?.[0]?.message).toMatch(/not allowed/i)
    const allowed = await graphql(mutation, authorToken)
    expect(allowed.errors).toBeUndefined()
    expect(allowed.data?.updateMedia).toEqual({ caption: 'Via GraphQL' })

    const stored = await payload.findByID({ collection: 'media', id: media.id })
    expect([stored.alt, stored.caption]).toEqual(['By an admin', 'Via GraphQL'])
  })

  it('bulk updates by a contributor reach only her own uploads', async () => {
    const author = (await member('contributor')).user
    const colleague = await createStaff(payload, 'contributor')
    const mine = await uploadAs(author, { credit: 'bulk-test' })
    const theirs = await uploadAs(colleague, { credit: 'bulk-test' })
    const result = await payload.update({
      collection: 'media',
      where: { credit: { equals: 'bulk-test' } },
      data: { caption: 'Bulk caption' },
      overrideAccess: false,
      req: await requestAs(payload, author),
    })
    expect(result.docs.map((doc) => doc.id)).toEqual([mine.id])
    expect((await payload.findByID({ collection: 'media', id: theirs.id })).caption ?? null).toBeNull()
  })

  it('is staff-only: visitors never see who uploaded a file, nor filter by it', async () => {
    const { user: author, token } = await member('contributor')
    const media = await uploadAs(author)
    const anonymous = await rest('GET', `/api/media/${media.id}?depth=0`)
    expect(await anonymous.text()).not.toContain(author.id)
    const filtered = await rest('GET', `/api/media?where[uploadedBy][equals]=${author.id}&depth=0`)
    expect(filtered.status).not.toBe(200)
    const staff = await rest('GET', `/api/media/${media.id}?depth=0`, { token })
    expect(((await staff.json()) as { uploadedBy?: string }).uploadedBy).toBe(author.id)
  })
})

describe('what depends on consent, contributors neither read nor filter on', () => {
  const now = () => new Date().toISOString()
  /** For each fact, a document where it is set: a leader held back (false), people erased (a date). */
  async function documents() {
    const held = await payload.create({
      collection: 'leaders',
      data: { publicName: `Held ${Date.now()}`, realName: 'R' },
    })
    const leader = await payload.create({
      collection: 'leaders',
      data: { publicName: `Gone ${Date.now()}`, realName: 'R' },
    })
    await payload.update({ collection: 'leaders', id: leader.id, data: { erasedAt: now() } })
    const participant = await payload.create({ collection: 'participants', data: { publicName: `Gone ${Date.now()}` } })
    await payload.update({ collection: 'participants', id: participant.id, data: { erasedAt: now() } })
    return [
      ['leaders', 'shownOnSite', held.id],
      ['leaders', 'photoShown', held.id],
      ['leaders', 'erasedAt', leader.id],
      ['participants', 'erasedAt', participant.id],
    ] as const
  }

  const title = 'are read and filtered on by editors, safeguarding staff and admins only'
  it.each(['contributor', 'editor', 'safeguarding', 'admin'] as const)(`${title}: %s`, async (role) => {
    const { token } = await member(role)
    const told = role !== 'contributor'
    for (const [collection, field, id] of await documents()) {
      const where = `${collection}.${field} as ${role}`
      const single = await rest('GET', `/api/${collection}/${id}?depth=0`, { token })
      expect(single.status, where).toBe(200)
      const value = ((await single.json()) as Record<string, unknown>)[field]
      expect(value !== undefined && value !== null, `${where}: read`).toBe(told)
      const filtered = await rest('GET', `/api/${collection}?where[${field}][exists]=true&depth=0`, { token })
      expect(filtered.status === 200, `${where}: REST filter answered ${filtered.status}`).toBe(told)
      const list = collection === 'leaders' ? 'Leaders' : 'Participants'
      const answer = await graphql(`{ ${list}(where: { ${field}: { exists: true } }) { docs { id } } }`, token)
      expect(Boolean(answer.errors?.length), `${where}: GraphQL filter`).toBe(!told)
    }
  })
})

describe('what a contributor cannot reach around the rules', () => {
  it('no image is copied, so none loses the people it shows: a new photo is uploaded anew', async () => {
    const { user: author } = await member('contributor')
    const media = await uploadAs(author)
    const before = (await payload.count({ collection: 'media' })).totalDocs
    for (const role of ['contributor', 'editor', 'admin'] as const) {
      const response = await rest('POST', `/api/media/${media.id}/duplicate`, {
        token: (await member(role)).token,
        body: {},
      })
      expect(response.status, `${role}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
    const copy = await graphql(`mutation { duplicateMedia(id: "${media.id}") { id } }`, (await member('admin')).token)
    expect(copy.errors?.length, JSON.stringify(copy)).toBeGreaterThan(0)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('her own upload, once a published page shows it, is the editors’ to change', async () => {
    const contributor = await member('contributor')
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#506070' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([data], { type: 'image/png' }), 'mine.png')
    form.append('_payload', JSON.stringify({ alt: 'Her own upload' }))
    const uploaded = await rest('POST', '/api/media', { token: contributor.token, form })
    expect(uploaded.status).toBe(201)
    const id = ((await uploaded.json()) as { doc: { id: string } }).doc.id
    expect(
      (await rest('PATCH', `/api/media/${id}`, { token: contributor.token, body: { alt: 'Still mine' } })).status,
    ).toBe(200)

    await payload.create({
      collection: 'stories',
      data: { title: 'Uses her upload', slug: '', body: richText('Text.'), heroImage: id, _status: 'published' },
    })
    expect((await payload.findByID({ collection: 'media', id })).public).toBe(true)
    const refused = await rest('PATCH', `/api/media/${id}`, { token: contributor.token, body: { alt: 'Public words' } })
    expect(refused.status).toBe(403)
    expect((await payload.findByID({ collection: 'media', id })).alt).toBe('Still mine')
  })

  it('never changes which languages are published, and so never rewrites a published version', async () => {
    const contributor = await member('contributor')
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Published once', slug: '', body: richText('Text.'), _status: 'published' },
    })
    const versions = async () =>
      (
        await payload.findVersions({ collection: 'stories', where: { parent: { equals: story.id } }, depth: 0 })
      ).docs.map((v) => [v.id, v.version._status, v.updatedAt])
    const before = await versions()
    for (const query of ['unpublishAllLocales=true', 'publishAllLocales=true']) {
      const response = await rest('PATCH', `/api/stories/${story.id}?draft=true&${query}`, {
        token: contributor.token,
        body: {},
      })
      expect(response.status, query).toBe(403)
    }
    expect(await versions()).toEqual(before)
  })

  it('cannot lock a document in someone else’s name, nor remove a colleague’s lock', async () => {
    const contributor = await member('contributor')
    const editor = await member('editor')
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Being edited', slug: '', body: richText('Text.'), _status: 'draft' },
      draft: true,
    })
    const lockFor = (user: User) => ({
      document: { relationTo: 'stories', value: story.id },
      user: { relationTo: 'users', value: user.id },
    })
    const forged = await rest('POST', '/api/payload-locked-documents', {
      token: contributor.token,
      body: lockFor(editor.user),
    })
    expect(forged.status).toBe(403)
    const editorsLock = await rest('POST', '/api/payload-locked-documents', {
      token: editor.token,
      body: lockFor(editor.user),
    })
    expect(editorsLock.status).toBe(201)
    const lockId = ((await editorsLock.json()) as { doc: { id: string } }).doc.id
    const removed = await rest('DELETE', `/api/payload-locked-documents/${lockId}`, { token: contributor.token })
    expect([403, 404]).toContain(removed.status)
    const reassigned = await rest('PATCH', `/api/payload-locked-documents/${lockId}`, {
      token: contributor.token,
      body: { user: { relationTo: 'users', value: (await member('safeguarding')).user.id } },
    })
    expect(reassigned.status).toBe(403)
    // Taking over, as the admin's "Take over" does, puts the lock in her own name only.
    const takenOver = await rest('PATCH', `/api/payload-locked-documents/${lockId}`, {
      token: contributor.token,
      body: { user: { relationTo: 'users', value: contributor.user.id } },
    })
    expect(takenOver.status).toBe(200)
    const lock = await payload.findByID({ collection: 'payload-locked-documents', id: lockId, depth: 0 })
    expect((lock.user as { value: string }).value).toBe(contributor.user.id)
  })

  it('locks only what she may edit, through the API or the admin’s form', async () => {
    const contributor = await member('contributor')
    const safeguarding = await member('safeguarding')
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: `Lock target ${Date.now()}`, legalName: 'Not to be locked' },
    })
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Hers to edit', slug: '', body: richText('Text.'), _status: 'draft' },
      draft: true,
    })
    const locks = async () =>
      (await payload.find({ collection: 'payload-locked-documents', depth: 0, pagination: false })).docs.map(
        (lock) => `${(lock.user as { value: string }).value}:${JSON.stringify(lock.document ?? lock.globalSlug)}`,
      )
    const own = (user: User) => ({ user: { relationTo: 'users', value: user.id } })
    const table: Array<{ name: string; target: Record<string, unknown>; allowed: boolean }> = [
      { name: 'a participant', target: { document: { relationTo: 'participants', value: person.id } }, allowed: false },
      { name: 'the site settings', target: { globalSlug: 'site-settings' }, allowed: false },
      { name: 'a user', target: { document: { relationTo: 'users', value: safeguarding.user.id } }, allowed: false },
      { name: 'a story draft', target: { document: { relationTo: 'stories', value: story.id } }, allowed: true },
    ]
    let storyLock = ''
    for (const { name, target, allowed } of table) {
      const before = await locks()
      const response = await rest('POST', '/api/payload-locked-documents', {
        token: contributor.token,
        body: { ...target, ...own(contributor.user) },
      })
      expect(response.status, name).toBe(allowed ? 201 : 403)
      if (!allowed) expect(await locks(), name).toEqual(before)
      else storyLock = ((await response.json()) as { doc: { id: string } }).doc.id
    }
    // Her own lock cannot be pointed at what she may not edit either.
    const retarget = await rest('PATCH', `/api/payload-locked-documents/${storyLock}`, {
      token: contributor.token,
      body: { document: { relationTo: 'participants', value: person.id } },
    })
    expect(retarget.status).toBe(403)
    const kept = await payload.findByID({ collection: 'payload-locked-documents', id: storyLock, depth: 0 })
    expect(kept.document).toEqual({ relationTo: 'stories', value: story.id })

    // Safeguarding holds the participant's record; the contributor cannot take it over.
    const held = await rest('POST', '/api/payload-locked-documents', {
      token: safeguarding.token,
      body: { document: { relationTo: 'participants', value: person.id }, ...own(safeguarding.user) },
    })
    expect(held.status).toBe(201)
    const heldId = ((await held.json()) as { doc: { id: string } }).doc.id
    const takeOver = await rest('PATCH', `/api/payload-locked-documents/${heldId}`, {
      token: contributor.token,
      body: own(contributor.user),
    })
    expect(takeOver.status).toBe(403)
    const bulk = await rest('PATCH', '/api/payload-locked-documents?where[id][exists]=true', {
      token: contributor.token,
      body: own(contributor.user),
    })
    const lock = await payload.findByID({ collection: 'payload-locked-documents', id: heldId, depth: 0 })
    expect((lock.user as { value: string }).value, `bulk answered ${bulk.status}`).toBe(safeguarding.user.id)
    await payload.delete({ collection: 'payload-locked-documents', id: heldId })

    // The admin's form locks a document for whoever opens it; only for someone who may edit it.
    const formState = (user: User, target: Record<string, unknown>) =>
      requestAs(payload, user).then((req) =>
        formStateWithOwnLocks({
          ...target,
          req,
          operation: 'update',
          importMap: {},
          mockRSCs: true,
          returnLockStatus: true,
          updateLastEdited: true,
          schemaPath: (target.collectionSlug ?? target.globalSlug) as string,
        } as never),
      )
    const before = await locks()
    await formState(contributor.user, { collectionSlug: 'participants', id: person.id })
    await formState(contributor.user, { globalSlug: 'site-settings' })
    expect(await locks()).toEqual(before)
    await formState(safeguarding.user, { collectionSlug: 'participants', id: person.id })
    expect(await locks()).toContain(
      `${safeguarding.user.id}:${JSON.stringify({ relationTo: 'participants', value: person.id })}`,
    )
  })
})
