import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createLocalReq } from 'payload'

import { backfillPrivacyState } from '@/privacy/backfill'
import { isDatabaseEmpty, resetDatabase, seed } from '@/seed'

import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload
const admin = { email: 'seed-admin@example.org', password: 'a long demo password' }

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

describe('demo content', () => {
  it('is seeded into an empty database', { timeout: 120_000 }, async () => {
    expect(await isDatabaseEmpty(payload)).toBe(true)
    await seed(payload, admin)
    expect(await isDatabaseEmpty(payload)).toBe(false)
  })

  it('has the Almaty program with its weekly lessons and impact figures', async () => {
    const { docs } = await payload.find({
      collection: 'programs',
      where: { slug: { equals: 'womens-empowerment-almaty' } },
    })
    const program = docs[0]!
    expect(program._status).toBe('published')
    expect(program.location).toMatch(/Almaty/)
    expect(program.meetingSchedule).toMatch(/weekly/i)
    expect(program.lessonTopics?.map((t) => t.topic)).toEqual(
      expect.arrayContaining(['Raising children', 'When a husband drinks', 'Boundaries', 'Self-protection']),
    )
    expect(program.impactFigures).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '200', label: 'women in Almaty groups' })]),
    )
    const ru = await payload.findByID({ collection: 'programs', id: program.id, locale: 'ru' })
    expect(ru.name).toMatch(/Алматы/)
  })

  it('has a leader whose public name differs from her real name', async () => {
    const { docs } = await payload.find({ collection: 'leaders' })
    expect(docs.length).toBeGreaterThanOrEqual(1)
    for (const leader of docs) {
      expect(leader.realName).toBeTruthy()
      expect(leader.realName).not.toContain(leader.publicName)
    }
  })

  it('shows every demo leader on the site, one of them by her public role', async () => {
    const { docs } = await payload.find({ collection: 'leaders' })
    for (const leader of docs) expect(leader).toMatchObject({ shownOnSite: true, photoShown: true })
    expect(docs.filter((leader) => leader.publicRole?.holds).map((leader) => leader.publicName)).toEqual(['Marzhan'])
    const visible = await payload.find({ collection: 'leaders', overrideAccess: false, user: null })
    expect(visible.totalDocs).toBe(docs.length)
  })

  it('has at least two participants with pseudonyms', async () => {
    const { docs } = await payload.find({ collection: 'participants' })
    expect(docs.length).toBeGreaterThanOrEqual(2)
    for (const participant of docs) {
      expect(participant.legalName).toBeTruthy()
      expect(participant.legalName).not.toContain(participant.publicName)
    }
  })

  it('has at least eight published stories from 2021 to 2024, each with an image and alt text', async () => {
    const { docs } = await payload.find({ collection: 'stories', limit: 100, depth: 1, sort: 'publishedAt' })
    expect(docs.length).toBeGreaterThanOrEqual(8)
    const years = new Set(docs.map((s) => new Date(s.publishedAt!).getUTCFullYear()))
    expect([...years].sort()).toEqual([2021, 2022, 2023, 2024])
    for (const story of docs) {
      expect(story._status).toBe('published')
      expect(story.excerpt).toBeTruthy()
      const image = story.heroImage
      expect(typeof image).toBe('object')
      if (typeof image === 'object' && image) {
        expect(image.alt.length).toBeGreaterThan(10)
        expect(image.sizes?.share?.width).toBe(1200)
      }
    }
  })

  it('mentions people by reference, so excerpts read her public name', async () => {
    const { docs } = await payload.find({ collection: 'stories', where: { slug: { equals: 'danas-kitchen-table' } } })
    expect(docs[0]?.excerpt).toMatch(/^Dana keeps a notebook/)
    expect(docs[0]?.dependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^participants:/)]))
  })

  it('has an admin who can log in', async () => {
    const result = await payload.login({ collection: 'users', data: admin })
    expect(result.user?.role).toBe('admin')
    expect(result.token).toBeTruthy()
  })

  it('has site settings with a trust statement and a contact address', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(settings.trustStatement).toMatch(/independent/)
    expect(settings.contactEmail).toMatch(/^[^@\s]+@[^@\s]+$/)
    const kk = await payload.findGlobal({ slug: 'site-settings', locale: 'kk' })
    expect(kk.organisationName).not.toBe(settings.organisationName)
  })

  it('has Get involved settings in every language: a hand-off, amounts, and five ways to help', async () => {
    for (const locale of ['en', 'ru', 'kk'] as const) {
      const content = await payload.findGlobal({ slug: 'get-involved', locale, fallbackLocale: false })
      expect(content.donationUrlTemplate).toMatch(/^https:\/\/.*\{amount\}/)
      expect(content.storyCta?.heading, locale).toBeTruthy()
      expect(
        content.currencies?.map((row) => row.currency),
        locale,
      ).toEqual(locale === 'en' ? ['USD', 'KZT'] : ['KZT', 'USD'])
      expect(content.waysToHelp?.map((way) => way.kind)).toEqual(['give', 'volunteer', 'partner', 'host', 'corporate'])
      for (const way of content.waysToHelp ?? []) expect(way.title && way.text && way.linkLabel, locale).toBeTruthy()
    }
  })

  it('brings a database written before Voices derived its privacy state up to date, as its hooks would', async () => {
    const state = async () => ({
      media: (await payload.find({ collection: 'media', depth: 0, pagination: false, sort: 'id' })).docs.map((doc) => [
        doc.id,
        doc.public,
      ]),
      leaders: (await payload.find({ collection: 'leaders', depth: 0, pagination: false, sort: 'id' })).docs.map(
        (doc) => [doc.id, doc.shownOnSite, doc.photoShown],
      ),
      stories: (await payload.find({ collection: 'stories', depth: 0, pagination: false, sort: 'id' })).docs.map(
        (doc) => [doc.id, [...(doc.mediaUsed ?? [])].sort(), [...(doc.dependsOn ?? [])].sort()],
      ),
    })
    const kept = await state()
    expect(kept.media.filter(([, isPublic]) => isPublic).length).toBeGreaterThan(8)
    // As an older database holds it: nothing derived, every flag at its default.
    for (const [id] of kept.media)
      await payload.db.updateOne({ collection: 'media', id: String(id), data: { public: false } })
    for (const [id] of kept.leaders) {
      await payload.db.updateOne({
        collection: 'leaders',
        id: String(id),
        data: { shownOnSite: false, photoShown: false },
      })
    }
    for (const [id] of kept.stories) {
      await payload.db.updateOne({ collection: 'stories', id: String(id), data: { mediaUsed: [], dependsOn: [] } })
    }
    expect((await state()).media.some(([, isPublic]) => isPublic)).toBe(false)

    await backfillPrivacyState(await createLocalReq({}, payload))
    expect(await state()).toEqual(kept)
  })

  it('can be rebuilt from scratch on demand', { timeout: 120_000 }, async () => {
    await resetDatabase(payload)
    expect(await isDatabaseEmpty(payload)).toBe(true)
    await seed(payload, admin)
    expect((await payload.count({ collection: 'stories' })).totalDocs).toBeGreaterThanOrEqual(8)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(1)
  })
})
