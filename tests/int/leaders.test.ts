import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { locales } from '@/lib/locales'
import { mentionNames } from '@/privacy/names/mentionNames'
import { nightlyConsentCheck } from '@/privacy/takedown/nightlyConsentCheck'
import { drawIllustration } from '@/seed/images'
import { richText } from '@/seed/richText'

import { createProgram, createStory, writtenConsent } from '../helpers/content'
import { validationErrors } from '../helpers/errors'
import { erase, mentioning } from '../helpers/people'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * A leader is shown on the site only with her consent to be named or a recorded public role,
 * and her photo only with her consent to photos. One case per state of her record, each read
 * every way an anonymous visitor can, and as staff.
 */
const day = 24 * 60 * 60 * 1000
const anonymous = { overrideAccess: false, user: null } as const
const publicRole = { holds: true, basis: 'Program coordinator, named in the annual report.' }
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

type LeaderData = Partial<RequiredDataFromCollectionSlug<'leaders'>>

const states: Array<{ state: string; data: LeaderData; shown: boolean; photo: boolean }> = [
  { state: 'no consent and no public role', data: {}, shown: false, photo: false },
  { state: 'consent to be named', data: { consent: writtenConsent(['name']) }, shown: true, photo: false },
  {
    state: 'consent to name and photo',
    data: { consent: writtenConsent(['name', 'photo']) },
    shown: true,
    photo: true,
  },
  { state: 'a public role only', data: { publicRole }, shown: true, photo: false },
  {
    state: 'a public role and photo consent',
    data: { publicRole, consent: writtenConsent(['photo']) },
    shown: true,
    photo: true,
  },
  {
    state: 'withdrawn consent',
    data: { consent: { ...writtenConsent(['name', 'photo']), withdrawnAt: ago(60_000) } },
    shown: false,
    photo: false,
  },
  {
    state: 'expired consent',
    data: { consent: { ...writtenConsent(['name', 'photo']), expiresAt: ago(60_000) } },
    shown: false,
    photo: false,
  },
  {
    state: 'a public role, consent withdrawn',
    data: { publicRole, consent: { ...writtenConsent(['name', 'photo']), withdrawnAt: ago(60_000) } },
    shown: true,
    photo: false,
  },
  {
    state: 'a public role ticked off',
    data: { publicRole: { holds: false, basis: 'No longer' } },
    shown: false,
    photo: false,
  },
]

let payload: Payload
let program: { id: string }
let n = 0

beforeAll(async () => {
  payload = await startPayload()
  program = await createProgram(payload)
})

afterAll(() => stopPayload(payload))

async function photo() {
  const data = await drawIllustration({ name: 'l', palette: ['#fff', '#000', '#888'], motif: 'sun' })
  return payload.create({
    collection: 'media',
    data: { alt: 'A portrait of a leader' },
    file: { data, mimetype: 'image/jpeg', name: `leader-${n}.jpg`, size: data.length },
  })
}

async function leader(data: LeaderData) {
  n += 1
  return payload.create({
    collection: 'leaders',
    data: {
      publicName: `Leader Name ${n}`,
      realName: `Real Leader ${n}`,
      programs: [program.id],
      photo: (await photo()).id,
      ...data,
    },
  })
}

const idOf = (value: unknown) => (typeof value === 'object' && value ? (value as { id: string }).id : value)

describe.each(states)('a leader with $state', ({ data, shown, photo: photoShown }) => {
  let id: string
  let name: string
  let photoId: string

  beforeAll(async () => {
    const doc = await leader(data)
    id = doc.id
    name = doc.publicName
    photoId = String(idOf(doc.photo))
  })

  it(`is ${shown ? 'shown to' : 'hidden from'} anonymous visitors in lists, single reads and program pages`, async () => {
    const list = await payload.find({ collection: 'leaders', ...anonymous, limit: 100 })
    expect(list.docs.map((d) => d.id).includes(id)).toBe(shown)
    const single = payload.findByID({ collection: 'leaders', id, ...anonymous })
    if (shown) await expect(single).resolves.toMatchObject({ id })
    else await expect(single).rejects.toThrow()
    const page = await payload.findByID({ collection: 'programs', id: program.id, ...anonymous, depth: 1 })
    expect((page.leaders?.docs ?? []).map(idOf).includes(id)).toBe(shown)
    expect(JSON.stringify(page).includes(`Real Leader`)).toBe(false)
  })

  it(`${photoShown ? 'shows' : 'withholds'} her photo to anonymous visitors, as the program page reads it`, async () => {
    const { docs } = await payload.find({
      collection: 'leaders',
      ...anonymous,
      depth: 1,
      where: { programs: { contains: program.id } },
      select: { publicName: true, role: true, photo: true, photoShown: true },
      limit: 100,
    })
    const doc = docs.find((d) => d.id === id)
    expect(Boolean(doc?.photo)).toBe(photoShown)
    expect(Boolean(doc?.photoShown)).toBe(photoShown)
    // A read that forgets the flag gets no photo at all.
    const bare = await payload.find({ collection: 'leaders', ...anonymous, select: { photo: true }, limit: 100 })
    expect(bare.docs.some((d) => d.photo)).toBe(false)
  })

  it('is read in full by staff, private fields only by safeguarding', async () => {
    const editor = await requestAs(payload, await createStaff(payload, 'editor'))
    const asEditor = await payload.findByID({ collection: 'leaders', id, overrideAccess: false, req: editor, depth: 0 })
    expect(asEditor.photo).toBe(photoId)
    expect(asEditor.shownOnSite).toBe(shown)
    expect(asEditor).not.toHaveProperty('realName')
    expect(asEditor).not.toHaveProperty('consent')
  })

  it(`${shown ? 'may' : 'may not'} be named in a published story, and mentions read ${shown ? 'her name' : 'a neutral phrase'}`, async () => {
    const publish = createStory(payload, { featuredLeaders: [id], body: mentioning(id, 'leaders') })
    if (shown) await expect(publish).resolves.toMatchObject({ _status: 'published' })
    else expect((await validationErrors(publish))[0]?.message).toContain(`${name}: `)
    const names = await mentionNames(mentioning(id, 'leaders'), await requestAs(payload, null), 'en')
    expect(names.get(`leaders:${id}`)).toBe(shown ? name : 'a group leader')
  })
})

describe('the public role', () => {
  it('needs a basis written down when ticked', async () => {
    const errors = await validationErrors(leader({ publicRole: { holds: true, basis: '  ' } }))
    expect(errors.map((e) => e.path)).toContain('publicRole.basis')
  })

  it('is recorded by editors, seen by staff and never by visitors', async () => {
    const doc = await leader({ consent: writtenConsent(['name']) })
    const editor = await requestAs(payload, await createStaff(payload, 'editor'))
    await payload.update({
      collection: 'leaders',
      id: doc.id,
      data: { publicRole },
      overrideAccess: false,
      req: editor,
    })
    const contributor = await requestAs(payload, await createStaff(payload, 'contributor'))
    const asContributor = await payload.findByID({
      collection: 'leaders',
      id: doc.id,
      overrideAccess: false,
      req: contributor,
    })
    expect(asContributor.publicRole?.basis).toBe(publicRole.basis)
    const asVisitor = await payload.findByID({ collection: 'leaders', id: doc.id, ...anonymous })
    expect(asVisitor).not.toHaveProperty('publicRole')
    await expect(
      payload.find({ collection: 'leaders', ...anonymous, where: { 'publicRole.basis': { exists: true } } }),
    ).rejects.toThrow()
    // Safeguarding keeps consent; the public role is the editors'.
    const safeguarding = await requestAs(payload, await createStaff(payload, 'safeguarding'))
    await expect(
      payload.update({
        collection: 'leaders',
        id: doc.id,
        data: { publicRole: { holds: false, basis: null } },
        overrideAccess: false,
        req: safeguarding,
      }),
    ).rejects.toMatchObject({ status: 403, data: { code: 'fieldNotWritable' } })
    expect((await payload.findByID({ collection: 'leaders', id: doc.id })).publicRole?.holds).toBe(true)
  })
})

describe('whether she is shown', () => {
  it('is worked out by Voices, whatever a write sends', async () => {
    const doc = await leader({})
    const editor = await requestAs(payload, await createStaff(payload, 'editor'))
    await payload.update({
      collection: 'leaders',
      id: doc.id,
      data: { shownOnSite: true, photoShown: true },
      overrideAccess: false,
      req: editor,
    })
    await payload.update({ collection: 'leaders', id: doc.id, data: { shownOnSite: true, photoShown: true } })
    const stored = await payload.findByID({ collection: 'leaders', id: doc.id })
    expect(stored.shownOnSite).toBe(false)
    expect(stored.photoShown).toBe(false)
  })

  it('follows consent as it runs out: the nightly check hides her, unless she holds a public role', async () => {
    const lapsing = await leader({ consent: writtenConsent(['name', 'photo']) })
    const publicFigure = await leader({ consent: writtenConsent(['name', 'photo']), publicRole })
    expect(lapsing.shownOnSite && lapsing.photoShown && publicFigure.photoShown).toBe(true)
    const later = new Date(Date.now() + 2 * 365 * day)
    const result = await nightlyConsentCheck(await requestAs(payload, null), later)
    expect(result.leadersChanged).toEqual(expect.arrayContaining([lapsing.id, publicFigure.id]))
    const after = await payload.find({
      collection: 'leaders',
      where: { id: { in: [lapsing.id, publicFigure.id] } },
      depth: 0,
    })
    const byId = new Map(after.docs.map((d) => [d.id, d]))
    expect(byId.get(lapsing.id)).toMatchObject({ shownOnSite: false, photoShown: false })
    // Her role keeps her name public; her photo needed consent that has now run out.
    expect(byId.get(publicFigure.id)).toMatchObject({ shownOnSite: true, photoShown: false })
  })
})

describe('erasing a leader', () => {
  it('clears her real name, bio in every language, photo, public role and consent; she is shown nowhere', async () => {
    const doc = await leader({ consent: writtenConsent(['name', 'photo']), publicRole, bio: richText('Her bio Vqzx') })
    // Russian has its own name and bio; Kazakh has neither, and erasure must not trip over it.
    await payload.update({
      collection: 'leaders',
      id: doc.id,
      locale: 'ru',
      data: { publicName: 'Имя', bio: richText('Bio ru Vqzx') },
    })
    const story = await createStory(payload, { body: mentioning(doc.id, 'leaders') })
    const safeguarding = await createStaff(payload, 'safeguarding')
    const response = await erase(payload, 'leaders', doc.id, await requestAs(payload, safeguarding))
    expect(response.status).toBe(200)

    const stored = await payload.findByID({ collection: 'leaders', id: doc.id, locale: 'all', depth: 0 })
    expect(JSON.stringify(stored)).not.toContain('Vqzx')
    for (const locale of locales) {
      expect((stored.bio as unknown as Record<string, unknown> | null)?.[locale.code] ?? null).toBeNull()
    }
    expect(stored.realName ?? null).toBeNull()
    expect(stored.photo ?? null).toBeNull()
    expect(stored.publicRole).toMatchObject({ holds: false, basis: null })
    expect(stored.consent?.status).toBe('none')
    expect(stored).toMatchObject({ shownOnSite: false, photoShown: false })
    await expect(payload.findByID({ collection: 'leaders', id: doc.id, ...anonymous })).rejects.toThrow()
    const after = await payload.findByID({ collection: 'stories', id: story.id })
    expect(after.excerpt).toBe('a group leader spoke first.')
  })
})
