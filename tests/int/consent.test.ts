import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { takeDownStoriesLackingConsent } from '@/privacy/takedown/takeDownStories'
import { consentOverview } from '@/privacy/consent/overview'
import { mentionNames } from '@/privacy/names/mentionNames'
import {
  type ConsentProblem,
  consentProblems,
  type ConsentRecord,
  type ConsentScope,
  describeConsentProblem,
} from '@/privacy/consent/scopes'
import { drawIllustration } from '@/seed/images'
import { richText } from '@/seed/richText'

import { createStory, writtenConsent } from '../helpers/content'
import { mentioning } from '../helpers/people'
import { validationErrors } from '../helpers/errors'
import { adminI18n, adminT } from '../helpers/i18n'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload
let n = 0

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

async function participant(consent?: ReturnType<typeof writtenConsent> | { status: 'none' }) {
  n += 1
  return payload.create({
    collection: 'participants',
    data: { publicName: `Pseudonym ${n}`, legalName: `Legal Name ${n}`, ...(consent ? { consent } : {}) },
  })
}

async function photoOf(personId: string) {
  const data = await drawIllustration({ name: 'p', palette: ['#fff', '#000', '#888'], motif: 'sun' })
  return payload.create({
    collection: 'media',
    data: { alt: 'A portrait', peopleShown: [{ relationTo: 'participants', value: personId }] },
    file: { data, mimetype: 'image/jpeg', name: `photo-${personId}.jpg`, size: data.length },
  })
}

const isPublished = async (id: string) =>
  (
    await payload.find({
      collection: 'stories',
      where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    })
  ).totalDocs === 1

describe('consent records', () => {
  it('explain what is missing, with a code and in both admin languages', async () => {
    const translator = { en: await adminT(payload, 'en'), ru: await adminT(payload, 'ru') }
    const now = new Date('2025-01-01')
    const cases: Array<[ConsentRecord | null, ConsentScope[], ConsentProblem[], string[], string[]]> = [
      [null, ['name'], [{ code: 'noConsent' }], ['no consent is recorded'], ['согласие не записано']],
      [
        { status: 'written', scopes: ['name'], withdrawnAt: '2024-12-01' },
        ['name'],
        [{ code: 'withdrawn' }],
        ['her consent has been withdrawn'],
        ['она отозвала согласие'],
      ],
      [
        { status: 'verbal', scopes: ['name'], expiresAt: '2024-12-31' },
        ['name'],
        [{ code: 'expired' }],
        ['her consent has expired'],
        ['срок её согласия истёк'],
      ],
      [
        { status: 'written', scopes: ['name'], givenAt: '2025-02-01' },
        ['name'],
        [{ code: 'notYetValid' }],
        ['her consent only starts on a later date'],
        ['её согласие начинает действовать позже'],
      ],
      [
        { status: 'written', scopes: ['name'] },
        ['name', 'photo', 'quotes'],
        [
          { code: 'scopeMissing', scope: 'photo' },
          { code: 'scopeMissing', scope: 'quotes' },
        ],
        ['no consent for photo', 'no consent for direct quotes'],
        ['нет согласия на фото', 'нет согласия на прямые цитаты'],
      ],
      [{ status: 'written', scopes: ['name', 'photo'], expiresAt: '2026-01-01' }, ['name', 'photo'], [], [], []],
    ]
    for (const [record, scopes, problems, english, russian] of cases) {
      const found = consentProblems(record, scopes, now)
      expect(found).toEqual(problems)
      expect(found.map((p) => describeConsentProblem(p, translator.en))).toEqual(english)
      expect(found.map((p) => describeConsentProblem(p, translator.ru))).toEqual(russian)
    }
  })

  it('are hidden from editors and contributors', async () => {
    const person = await participant(writtenConsent())
    for (const role of ['editor', 'contributor'] as const) {
      const req = await requestAs(payload, await createStaff(payload, role))
      const doc = await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: false, req })
      expect(doc).not.toHaveProperty('consent')
    }
    const req = await requestAs(payload, await createStaff(payload, 'safeguarding'))
    const doc = await payload.findByID({ collection: 'participants', id: person.id, overrideAccess: false, req })
    expect(doc.consent?.status).toBe('written')
  })
})

describe('the publishing gate', () => {
  it('refuses to publish a story featuring someone without consent, naming her by public name', async () => {
    const person = await participant()
    const errors = await validationErrors(createStory(payload, { featuredParticipants: [person.id] }))
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'featuredParticipants',
        message: expect.stringContaining(`${person.publicName}: no consent is recorded`),
      }),
    ])
    expect(JSON.stringify(errors)).not.toContain(person.legalName!)
    expect(
      (await payload.count({ collection: 'stories', where: { featuredParticipants: { contains: person.id } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('lets the same story be saved as a draft, and published once consent is recorded', async () => {
    const person = await participant()
    const draft = await createStory(payload, { _status: 'draft', featuredParticipants: [person.id] })
    await expect(
      payload.update({ collection: 'stories', id: draft.id, data: { _status: 'published' } }),
    ).rejects.toThrow()
    await payload.update({ collection: 'participants', id: person.id, data: { consent: writtenConsent(['name']) } })
    await payload.update({ collection: 'stories', id: draft.id, data: { _status: 'published' } })
    expect(await isPublished(draft.id)).toBe(true)
  })

  it('checks people mentioned inline in the body, in every language', async () => {
    const named = await participant(writtenConsent(['name']))
    const unnamed = await participant()
    const blocked = await validationErrors(createStory(payload, { body: mentioning(unnamed.id) }))
    expect(blocked[0]).toMatchObject({
      path: 'body',
      message: expect.stringContaining(`${unnamed.publicName}: no consent is recorded`),
    })
    const story = await createStory(payload, { body: mentioning(named.id) })
    expect(story.dependsOn).toEqual([`participants:${named.id}`])
    // A Russian body that mentions someone without consent blocks the whole story.
    const inRussian = await validationErrors(
      payload.update({
        collection: 'stories',
        id: story.id,
        locale: 'ru',
        data: { title: 'По-русски', body: mentioning(unnamed.id) },
      }),
    )
    expect(inRussian[0]?.message).toContain(`${unnamed.publicName}: no consent is recorded`)
    // …and an English edit cannot publish it while the Russian draft body would be checked too.
    expect(await isPublished(story.id)).toBe(true)
  })

  it('needs photo consent for anyone shown in the hero image', async () => {
    const person = await participant(writtenConsent(['name']))
    const photo = await photoOf(person.id)
    const errors = await validationErrors(createStory(payload, { heroImage: photo.id }))
    expect(errors[0]).toMatchObject({ path: 'heroImage', message: expect.stringContaining('no consent for photo') })
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'photo']) },
    })
    const story = await createStory(payload, { heroImage: photo.id })
    expect(story._status).toBe('published')
  })

  it('runs for staff and the API alike: an editor cannot publish past it', async () => {
    const person = await participant()
    const req = await requestAs(payload, await createStaff(payload, 'editor'))
    const errors = await validationErrors(
      payload.create({
        collection: 'stories',
        overrideAccess: false,
        req,
        data: { title: 'x', slug: '', body: richText('x'), _status: 'published', featuredParticipants: [person.id] },
      }),
    )
    expect(errors[0]?.message).toContain('no consent is recorded')
  })
})

describe('withdrawal and expiry', () => {
  it('withdrawing consent unpublishes every story that depends on it, at once, keeping its versions', async () => {
    const person = await participant(writtenConsent(['name']))
    const featured = await createStory(payload, { featuredParticipants: [person.id] })
    const mentioned = await createStory(payload, { body: mentioning(person.id) })
    const unrelated = await createStory(payload)
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: {
        consent: {
          ...writtenConsent(['name']),
          withdrawnAt: new Date().toISOString(),
          withdrawalReason: 'Asked us to',
        },
      },
    })
    expect(await isPublished(featured.id)).toBe(false)
    expect(await isPublished(mentioned.id)).toBe(false)
    expect(await isPublished(unrelated.id)).toBe(true)
    const versions = await payload.findVersions({ collection: 'stories', where: { parent: { equals: featured.id } } })
    expect(versions.docs.some((v) => v.version._status === 'published')).toBe(true)
    // Anonymous visitors can no longer read it.
    await expect(
      payload.findByID({ collection: 'stories', id: featured.id, overrideAccess: false, user: null }),
    ).rejects.toThrow()
  })

  it('shows a taken-down story to staff as a draft, keeping the published version and any newer draft', async () => {
    const person = await participant(writtenConsent(['name']))
    const story = await createStory(payload, { featuredParticipants: [person.id] })
    const pending = await createStory(payload, { featuredParticipants: [person.id] })
    // An editor's draft saved over the published story, not yet published.
    await payload.update({ collection: 'stories', id: pending.id, data: { title: 'A newer draft' }, draft: true })
    const before = await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
    })
    for (const id of [story.id, pending.id]) {
      const asStaffSee = await payload.findByID({ collection: 'stories', id, depth: 0, draft: true })
      expect(asStaffSee._status).toBe('draft')
      const { docs } = await payload.findVersions({
        collection: 'stories',
        where: { parent: { equals: id } },
        limit: 50,
      })
      expect(docs.filter((version) => version.latest)).toHaveLength(1)
      expect(docs.find((version) => version.latest)?.version._status).toBe('draft')
      expect(docs.some((version) => version.version._status === 'published')).toBe(true)
    }
    const after = await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
    expect(after._status).toBe('draft')
    expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime())
    // The editor's draft is still what she will go on editing.
    expect((await payload.findByID({ collection: 'stories', id: pending.id, draft: true })).title).toBe('A newer draft')
  })

  it('takes down every one of her stories when they fill more than one page of the search for them', async () => {
    const person = await participant(writtenConsent(['name']))
    const stories = []
    for (let i = 0; i < 5; i += 1) stories.push(await createStory(payload, { featuredParticipants: [person.id] }))
    // Withdrawn straight in the database, so that only the call below takes anything down.
    await payload.db.updateOne({
      collection: 'participants',
      where: { id: { equals: person.id } },
      data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
    })
    const req = await requestAs(payload, null)
    const result = await takeDownStoriesLackingConsent(req, { collection: 'participants', id: person.id }, undefined, {
      pageSize: 2,
    })
    expect(result.unpublished.map((s) => s.id).sort()).toEqual(stories.map((s) => s.id).sort())
    for (const story of stories) expect(await isPublished(story.id)).toBe(false)
  })

  it('expired consent is caught by the enforcement run and the story comes down', async () => {
    const person = await participant(writtenConsent(['name']))
    const story = await createStory(payload, { featuredParticipants: [person.id] })
    const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 60 * 60 * 1000)
    const req = await requestAs(payload, null)
    const result = await takeDownStoriesLackingConsent(req, undefined, inTwoYears)
    expect(result.unpublished.map((s) => s.id)).toContain(story.id)
    expect(result.unpublished.find((s) => s.id === story.id)?.reasons[0]).toMatch(/expired/)
    expect(await isPublished(story.id)).toBe(false)
  })

  it('the nightly job takes down a story once its consent has run out', async () => {
    const person = await participant(writtenConsent(['name']))
    const story = await createStory(payload, { featuredParticipants: [person.id] })
    // Time passes: the consent's end date slips into the past without anyone editing her record
    // (written straight to the database, as the calendar would, bypassing every hook).
    await payload.db.updateOne({
      collection: 'participants',
      where: { id: { equals: person.id } },
      data: { consent: { ...writtenConsent(['name']), expiresAt: new Date(Date.now() - 60_000).toISOString() } },
    })
    expect(await isPublished(story.id)).toBe(true)
    await payload.jobs.queue({ task: 'enforceConsent', input: {}, queue: 'consent' })
    await payload.jobs.run({ queue: 'consent' })
    expect(await isPublished(story.id)).toBe(false)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'enforceConsent' } },
    })
    expect(docs[0]?.hasError).toBeFalsy()
  })

  it('with the redact policy, keeps a named story up but still takes down one that shows her photo', async () => {
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { organisationName: 'Org', consentWithdrawalPolicy: 'redact' },
    })
    try {
      const person = await participant(writtenConsent(['name', 'photo']))
      const named = await createStory(payload, { featuredParticipants: [person.id] })
      const pictured = await createStory(payload, { heroImage: (await photoOf(person.id)).id })
      await payload.update({
        collection: 'participants',
        id: person.id,
        data: { consent: { ...writtenConsent(['name', 'photo']), withdrawnAt: new Date().toISOString() } },
      })
      expect(await isPublished(named.id)).toBe(true)
      expect(await isPublished(pictured.id)).toBe(false)
    } finally {
      await payload.updateGlobal({
        slug: 'site-settings',
        data: { organisationName: 'Org', consentWithdrawalPolicy: 'unpublish' },
      })
    }
  })
})

describe('the dashboard overview', () => {
  it('lists consents ending within 30 days to safeguarding, and stories waiting for consent to all staff', async () => {
    const ending = await participant({
      ...writtenConsent(['name']),
      expiresAt: new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString(),
    })
    const lasting = await participant(writtenConsent(['name']))
    const unconsented = await participant()
    const waiting = await createStory(payload, {
      _status: 'draft',
      title: 'Waiting story',
      featuredParticipants: [unconsented.id],
    })

    const safeguarding = await consentOverview(payload, await createStaff(payload, 'safeguarding'))
    expect(safeguarding.expiring.map((p) => p.name)).toContain(ending.publicName)
    expect(safeguarding.expiring.map((p) => p.name)).not.toContain(lasting.publicName)
    expect(safeguarding.blocked.find((s) => s.id === waiting.id)?.reasons[0]).toContain(
      `${unconsented.publicName}: no consent is recorded`,
    )

    const editor = await consentOverview(payload, await createStaff(payload, 'editor'))
    expect(editor.expiring).toEqual([])
    expect(editor.blocked.map((s) => s.id)).toContain(waiting.id)

    // Contributors are told nothing about anyone's consent, not even which stories wait for it.
    const contributor = await consentOverview(payload, await createStaff(payload, 'contributor'))
    expect(contributor).toMatchObject({ seesConsent: false, tellsWhy: false, expiring: [], blocked: [] })

    // In the admin's language when the dashboard gives it.
    const inRussian = await consentOverview(
      payload,
      await createStaff(payload, 'editor'),
      new Date(),
      await adminI18n(payload, 'ru'),
    )
    expect(inRussian.blocked.find((s) => s.id === waiting.id)?.reasons[0]).toContain(
      `${unconsented.publicName}: согласие не записано`,
    )
  })
})

describe('person mentions', () => {
  it('preview for a contributor as written, telling her nothing about who has agreed to be named', async () => {
    const consenting = await participant(writtenConsent(['name']))
    const unconsenting = await participant()
    const erased = await participant(writtenConsent(['name']))
    await payload.update({ collection: 'participants', id: erased.id, data: { erasedAt: new Date().toISOString() } })
    const body = mentioning(unconsenting.id)
    const also = [
      { collection: 'participants' as const, id: consenting.id },
      { collection: 'participants' as const, id: erased.id },
    ]
    const req = await requestAs(payload, null)
    const names = async (naming: 'asPublished' | 'asWritten') =>
      Object.fromEntries(await mentionNames(body, req, 'en', new Date(), also, naming))
    expect(await names('asPublished')).toEqual({
      [`participants:${consenting.id}`]: consenting.publicName,
      [`participants:${unconsenting.id}`]: 'a participant',
      [`participants:${erased.id}`]: 'a participant',
    })
    expect(await names('asWritten')).toEqual({
      [`participants:${consenting.id}`]: consenting.publicName,
      [`participants:${unconsenting.id}`]: unconsenting.publicName,
      [`participants:${erased.id}`]: 'a participant',
    })
  })

  it('read as her public name in the excerpt and search text, never her legal name', async () => {
    const person = await participant(writtenConsent(['name']))
    const story = await createStory(payload, { body: mentioning(person.id) })
    expect(story.excerpt).toBe(`${person.publicName} spoke first.`)
    expect(story.searchText).toContain(person.publicName)
    expect(story.searchText).not.toContain(person.legalName!)
    // Rich text populates the mention's relationship: anonymously, and as an editor, that must
    // never carry her private fields.
    const anonymous = await payload.findByID({
      collection: 'stories',
      id: story.id,
      depth: 10,
      overrideAccess: false,
      user: null,
    })
    expect(JSON.stringify(anonymous)).not.toContain(person.legalName!)
    const req = await requestAs(payload, await createStaff(payload, 'editor'))
    const asEditor = await payload.findByID({
      collection: 'stories',
      id: story.id,
      depth: 10,
      overrideAccess: false,
      req,
    })
    expect(JSON.stringify(asEditor)).not.toContain(person.legalName!)
    expect(JSON.stringify(asEditor)).not.toContain('"consent"')
  })

  it('follow a change of public name into every story that mentions her', async () => {
    const person = await participant(writtenConsent(['name']))
    const story = await createStory(payload, { body: mentioning(person.id) })
    await payload.update({ collection: 'participants', id: person.id, data: { publicName: 'Renamed Aruzhan' } })
    const stored = await payload.findByID({ collection: 'stories', id: story.id })
    expect(stored.excerpt).toBe('Renamed Aruzhan spoke first.')
    expect(stored.searchText).not.toContain(person.publicName)
  })

  it('become a neutral phrase when she may no longer be named (redact policy)', async () => {
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { organisationName: 'Org', consentWithdrawalPolicy: 'redact' },
    })
    try {
      const person = await participant(writtenConsent(['name']))
      const story = await createStory(payload, { body: mentioning(person.id) })
      await payload.update({
        collection: 'participants',
        id: person.id,
        data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
      })
      const stored = await payload.findByID({ collection: 'stories', id: story.id })
      expect(stored._status).toBe('published')
      expect(stored.excerpt).toBe('a participant spoke first.')
      expect(stored.searchText).not.toContain(person.publicName)
    } finally {
      await payload.updateGlobal({
        slug: 'site-settings',
        data: { organisationName: 'Org', consentWithdrawalPolicy: 'unpublish' },
      })
    }
  })
})

describe('people shown in photos', () => {
  it('are never revealed to anonymous visitors', async () => {
    const person = await participant(writtenConsent(['name', 'photo']))
    const photo = await photoOf(person.id)
    // Published, so that visitors may read the image itself.
    await createStory(payload, { heroImage: photo.id })
    const anon = await payload.findByID({ collection: 'media', id: photo.id, overrideAccess: false, user: null })
    expect(anon.id).toBe(photo.id)
    expect(anon).not.toHaveProperty('peopleShown')
    expect(JSON.stringify(anon)).not.toContain(person.id)
  })
})
