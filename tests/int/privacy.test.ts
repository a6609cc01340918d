import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '@/seed/richText'

import { createProgram, createStory, writtenConsent } from '../helpers/content'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * What an anonymous visitor (and each role) can read through the local API with access
 * enforced: the same rules the REST and GraphQL APIs and the public site apply.
 */
let payload: Payload
const LEGAL_NAME = 'Legalname Qzxv Private'
const NOTES = 'Private note Wjkq: never publish'
const REAL_NAME = 'Realname Yxvb Private'
let participantId: string
let leaderId: string

beforeAll(async () => {
  payload = await startPayload()
  const program = await createProgram(payload)
  const participant = await payload.create({
    collection: 'participants',
    data: { publicName: 'Dana', legalName: LEGAL_NAME, notes: NOTES, program: program.id, consent: writtenConsent() },
  })
  participantId = participant.id
  const leader = await payload.create({
    collection: 'leaders',
    data: { publicName: 'Aigerim', realName: REAL_NAME, programs: [program.id], consent: writtenConsent() },
  })
  leaderId = leader.id
  await createStory(payload, {
    slug: 'featuring-people',
    featuredParticipants: [participantId],
    featuredLeaders: [leaderId],
    program: program.id,
  })
})

afterAll(() => stopPayload(payload))

const anonymous = { overrideAccess: false, user: null } as const

describe('anonymous visitors', () => {
  it('cannot read participants at all', async () => {
    await expect(payload.find({ collection: 'participants', ...anonymous })).rejects.toThrow(/not allowed/i)
    await expect(payload.findByID({ collection: 'participants', id: participantId, ...anonymous })).rejects.toThrow(
      /not allowed/i,
    )
  })

  it('cannot read staff accounts', async () => {
    await expect(payload.find({ collection: 'users', ...anonymous })).rejects.toThrow(/not allowed/i)
  })

  it('read leaders by public name, never their real name', async () => {
    const { docs } = await payload.find({ collection: 'leaders', ...anonymous, depth: 2 })
    expect(docs.map((d) => d.publicName)).toContain('Aigerim')
    expect(JSON.stringify(docs)).not.toContain(REAL_NAME)
    expect(docs[0]).not.toHaveProperty('realName')
  })

  it('cannot use a private field as a search oracle', async () => {
    await expect(
      payload.find({ collection: 'leaders', ...anonymous, where: { realName: { equals: REAL_NAME } } }),
    ).rejects.toThrow()
  })

  it('get nothing of featured participants, not even their IDs, even at full depth', async () => {
    const { docs } = await payload.find({
      collection: 'stories',
      ...anonymous,
      depth: 10,
      where: { slug: { equals: 'featuring-people' } },
    })
    expect(docs).toHaveLength(1)
    const serialised = JSON.stringify(docs)
    expect(serialised).not.toContain(LEGAL_NAME)
    expect(serialised).not.toContain(NOTES)
    expect(serialised).not.toContain(REAL_NAME)
    expect(docs[0]).not.toHaveProperty('featuredParticipants')
    expect(serialised).not.toContain(participantId)
    expect(docs[0]!.featuredLeaders).toHaveLength(1)
  })

  it('never see drafts, including a draft saved over a published story', async () => {
    const hidden = await createStory(payload, { _status: 'draft', title: 'Unpublished draft Hqvz' })
    const published = await createStory(payload, { title: 'Published title' })
    await payload.update({
      collection: 'stories',
      id: published.id,
      draft: true,
      data: { title: 'Draft edit Mzqp', body: richText('Draft body Mzqp') },
    })

    const list = await payload.find({ collection: 'stories', ...anonymous, limit: 100 })
    expect(list.docs.map((d) => d.id)).not.toContain(hidden.id)
    await expect(payload.findByID({ collection: 'stories', id: hidden.id, ...anonymous })).rejects.toThrow()

    const asDraft = await payload.find({ collection: 'stories', ...anonymous, draft: true, limit: 100 })
    const serialised = JSON.stringify(asDraft.docs)
    expect(serialised).not.toContain('Unpublished draft Hqvz')
    expect(serialised).not.toContain('Mzqp')
    const current = await payload.findByID({ collection: 'stories', id: published.id, ...anonymous, draft: true })
    expect(current.title).toBe('Published title')
  })

  it('cannot read story versions', async () => {
    await expect(payload.findVersions({ collection: 'stories', ...anonymous })).rejects.toThrow(/not allowed/i)
  })

  it('cannot write anything', async () => {
    await expect(
      payload.create({ collection: 'stories', ...anonymous, data: { title: 'x', slug: 'x', body: richText('x') } }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.updateGlobal({ slug: 'site-settings', ...anonymous, data: { organisationName: 'Hijacked' } }),
    ).rejects.toThrow(/not allowed/i)
  })
})

describe('private fields for staff', () => {
  it('are hidden from editors and contributors', async () => {
    for (const role of ['editor', 'contributor'] as const) {
      const user = await createStaff(payload, role)
      const req = await requestAs(payload, user)
      const participant = await payload.findByID({
        collection: 'participants',
        id: participantId,
        overrideAccess: false,
        req,
      })
      expect(participant.publicName).toBe('Dana')
      expect(participant).not.toHaveProperty('legalName')
      expect(participant).not.toHaveProperty('notes')
      const leader = await payload.findByID({ collection: 'leaders', id: leaderId, overrideAccess: false, req })
      expect(leader).not.toHaveProperty('realName')
    }
  })

  it('are readable by safeguarding staff and admins', async () => {
    for (const role of ['safeguarding', 'admin'] as const) {
      const user = await createStaff(payload, role)
      const req = await requestAs(payload, user)
      const participant = await payload.findByID({
        collection: 'participants',
        id: participantId,
        overrideAccess: false,
        req,
      })
      expect(participant.legalName).toBe(LEGAL_NAME)
      expect(participant.notes).toBe(NOTES)
    }
  })

  it('cannot be written by an editor', async () => {
    const editor = await createStaff(payload, 'editor')
    const req = await requestAs(payload, editor)
    // Participants are safeguarding's to manage: the whole write is refused, not just the field.
    await expect(
      payload.update({
        collection: 'participants',
        id: participantId,
        overrideAccess: false,
        req,
        data: { publicName: 'Dana', legalName: 'Overwritten by editor' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'participants', id: participantId })
    expect(stored.legalName).toBe(LEGAL_NAME)
  })
})

describe('staff accounts', () => {
  it('nobody but an admin can change a role, their own included', async () => {
    const editor = await createStaff(payload, 'editor')
    const req = await requestAs(payload, editor)
    await expect(
      payload.update({ collection: 'users', id: editor.id, overrideAccess: false, req, data: { role: 'admin' } }),
    ).rejects.toMatchObject({ status: 403, data: { code: 'fieldNotWritable' } })
    const stored = await payload.findByID({ collection: 'users', id: editor.id })
    expect(stored.role).toBe('editor')

    const admin = await createStaff(payload, 'admin')
    const adminReq = await requestAs(payload, admin)
    await payload.update({
      collection: 'users',
      id: editor.id,
      overrideAccess: false,
      req: adminReq,
      data: { role: 'safeguarding' },
    })
    expect((await payload.findByID({ collection: 'users', id: editor.id })).role).toBe('safeguarding')
  })

  it('non-admins see only their own account', async () => {
    const contributor = await createStaff(payload, 'contributor')
    const req = await requestAs(payload, contributor)
    const { docs } = await payload.find({ collection: 'users', overrideAccess: false, req })
    expect(docs.map((d) => d.id)).toEqual([contributor.id])
  })
})
