import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { messages } from '@/lib/i18n'
import { type Locale, locales } from '@/lib/locales'
import { mentionNames } from '@/privacy/names/mentionNames'
import { nightlyConsentCheck } from '@/privacy/takedown/nightlyConsentCheck'
import type { Story } from '@/payload-types'

import { createProgram, createStory, signedOff, writtenConsent } from '../helpers/content'
import { erase, mentioning, setPolicy } from '../helpers/people'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * Withdrawal, expiry and erasure must reach every copy of her public name that an anonymous
 * visitor can read: every locale of the excerpt, search text and SEO text, the published story
 * and its latest draft, without publishing the draft or adding versions. One case per row of
 * event × policy × kind of person, each with its own person and stories.
 */
const events = ['withdrawal', 'expiry', 'erasure'] as const
const policies = ['unpublish', 'redact'] as const
const kinds = ['participants', 'leaders'] as const
type Event = (typeof events)[number]
type Kind = (typeof kinds)[number]

const cases = events.flatMap((event) => policies.flatMap((policy) => kinds.map((kind) => ({ event, policy, kind }))))

const codes = locales.map((l) => l.code) as Locale[]
const day = 24 * 60 * 60 * 1000
const anonymous = { overrideAccess: false, user: null } as const

let payload: Payload
let program: { id: string }
let counter = 0

beforeAll(async () => {
  payload = await startPayload()
  program = await createProgram(payload)
})

afterAll(() => stopPayload(payload))

/** Her public name in each locale, distinct for every case so no case can see another's. */
function namesFor(): Record<Locale, string> {
  counter += 1
  const tag = String.fromCharCode(97 + (counter % 26)) + String.fromCharCode(97 + Math.floor(counter / 26))
  return { en: `Ainagul${tag}`, ru: `Айнагуль${tag}`, kk: `Айнагүл${tag}` }
}

const phrase = (kind: Kind, locale: Locale) =>
  kind === 'participants' ? messages(locale).aParticipant : messages(locale).aLeader

type World = {
  kind: Kind
  person: string
  names: Record<Locale, string>
  /** Excerpt derived from the body in every locale, with a Russian draft pending. */
  derived: string
  /** Excerpt and SEO text typed by the editor in every locale, with a draft pending. */
  typed: string
  versionsBefore: Record<string, number>
}

const text = {
  en: ' spoke first.',
  ru: ' говорила первой.',
  kk: ' бірінші сөйледі.',
} satisfies Record<Locale, string>

async function setUp(kind: Kind): Promise<World> {
  const names = namesFor()
  const tag = names.en.slice(-2)
  const person = await payload.create({
    collection: kind,
    locale: 'en',
    data: {
      publicName: names.en,
      ...(kind === 'participants' ? { legalName: 'Legal Name' } : { realName: 'Real Name', programs: [program.id] }),
      consent: writtenConsent(['name']),
    },
  })
  for (const locale of ['ru', 'kk'] as const) {
    await payload.update({ collection: kind, id: person.id, locale, data: { publicName: names[locale] } })
  }
  const featured = kind === 'participants' ? { featuredParticipants: [person.id] } : { featuredLeaders: [person.id] }

  const derived = await createStory(payload, {
    title: `Derived story ${tag}`,
    body: mentioning(person.id, kind, text.en),
    program: program.id,
    ...featured,
  })
  const typed = await createStory(payload, {
    title: `Typed story ${tag}`,
    excerpt: `${names.en} leads the group`,
    body: mentioning(person.id, kind, ' leads the group.'),
    meta: { title: `${names.en} and her group`, description: `Meet ${names.en}.` },
    program: program.id,
    ...featured,
  })
  for (const locale of ['ru', 'kk'] as const) {
    await payload.update({
      collection: 'stories',
      id: derived.id,
      locale,
      data: {
        title: `Derived ${locale} ${tag}`,
        body: mentioning(person.id, kind, text[locale]),
      },
      context: signedOff,
    })
    await payload.update({
      collection: 'stories',
      id: typed.id,
      locale,
      data: {
        title: `Typed ${locale} ${tag}`,
        // The Russian excerpt also carries her English name: every variant goes.
        excerpt: `${names[locale]} (${names.en}) — ${locale}`,
        body: mentioning(person.id, kind, ' …'),
        meta: { title: `${names[locale]}: ${locale}`, description: `${locale} ${names[locale]}.` },
      },
      context: signedOff,
    })
  }
  // Changes pending over what is published: a Russian draft of one, an English draft of the other.
  await payload.update({
    collection: 'stories',
    id: derived.id,
    locale: 'ru',
    draft: true,
    data: { body: mentioning(person.id, kind, ' ещё раз.') },
  })
  await payload.update({
    collection: 'stories',
    id: typed.id,
    locale: 'en',
    draft: true,
    data: { title: 'Pending draft', excerpt: `Draft: ${names.en} again`, body: mentioning(person.id, kind, ' again.') },
  })

  const versionsBefore: Record<string, number> = {}
  for (const id of [derived.id, typed.id]) {
    versionsBefore[id] = (
      await payload.countVersions({ collection: 'stories', where: { parent: { equals: id } } })
    ).totalDocs
  }
  const world = { kind, person: person.id, names, derived: derived.id, typed: typed.id, versionsBefore }
  // The cases mean something only if her name was everywhere to begin with.
  for (const id of [derived.id, typed.id]) {
    const stored = JSON.stringify(await storedText(id))
    for (const name of Object.values(names)) expect(stored.toLowerCase()).toContain(name.toLowerCase())
  }
  return world
}

/** What happens to her, and the moment the check should judge consent at. */
async function happen(event: Event, world: World): Promise<Date> {
  const safeguarding = await createStaff(payload, 'safeguarding')
  if (event === 'withdrawal') {
    await payload.update({
      collection: world.kind,
      id: world.person,
      data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    return new Date()
  }
  if (event === 'expiry') {
    // Her consent ends by date, with nobody pressing a button: the nightly check, run later.
    const later = new Date(Date.now() + 2 * 365 * day)
    await nightlyConsentCheck(await requestAs(payload, null), later)
    return later
  }
  const response = await erase(payload, world.kind, world.person, await requestAs(payload, safeguarding))
  expect(response.status).toBe(200)
  return new Date()
}

/** The derived and SEO text of the published story and of its latest version, every locale. */
async function storedText(id: string) {
  const published = await payload.findByID({ collection: 'stories', id, locale: 'all', depth: 0 })
  const { docs } = await payload.findVersions({
    collection: 'stories',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    locale: 'all',
    depth: 0,
    limit: 1,
  })
  const latest = docs[0]!.version as unknown as Story
  const pick = (doc: Story) => ({ excerpt: doc.excerpt, searchText: doc.searchText, meta: doc.meta })
  return { published: pick(published), latest: pick(latest) }
}

/** Everything an anonymous visitor can read about these stories, their program and leaders. */
async function anonymousReads(world: World): Promise<string[]> {
  const seen: string[] = []
  const ids = [world.derived, world.typed]
  for (const locale of [...codes, 'all'] as const) {
    const list = await payload.find({
      collection: 'stories',
      ...anonymous,
      locale,
      depth: 2,
      where: { id: { in: ids } },
    })
    seen.push(JSON.stringify(list.docs))
    const drafts = await payload.find({ collection: 'stories', ...anonymous, draft: true, locale, depth: 2 })
    seen.push(JSON.stringify(drafts.docs))
    for (const id of ids) {
      seen.push(
        JSON.stringify(
          await payload.findByID({ collection: 'stories', id, ...anonymous, locale, depth: 2 }).catch(() => null),
        ),
      )
    }
    seen.push(JSON.stringify((await payload.find({ collection: 'leaders', ...anonymous, locale, depth: 2 })).docs))
    seen.push(
      JSON.stringify(
        await payload.findByID({ collection: 'programs', id: program.id, ...anonymous, locale, depth: 2 }),
      ),
    )
  }
  return seen
}

describe.each(cases)('$event of one of the $kind, with the $policy policy', ({ event, policy, kind }) => {
  let world: World
  let now: Date
  const takenDown = policy === 'unpublish' && event !== 'erasure'

  beforeAll(async () => {
    await setPolicy(payload, policy)
    world = await setUp(kind)
    now = await happen(event, world)
  })

  it('leaves no trace of her public name in anything an anonymous visitor reads', async () => {
    const seen = (await anonymousReads(world)).join('\n').toLowerCase()
    for (const name of Object.values(world.names)) expect(seen).not.toContain(name.toLowerCase())
    // Search as the site runs it, in every locale.
    for (const locale of codes) {
      for (const name of Object.values(world.names)) {
        const found = await payload.find({
          collection: 'stories',
          ...anonymous,
          locale,
          where: { or: [{ title: { like: name } }, { excerpt: { like: name } }, { searchText: { like: name } }] },
        })
        expect(found.totalDocs, `${locale} search for ${name}`).toBe(0)
      }
    }
  })

  it('leaves none in the stored excerpt, search text or SEO text, published or latest draft, in any locale', async () => {
    for (const id of [world.derived, world.typed]) {
      const stored = JSON.stringify(await storedText(id)).toLowerCase()
      for (const name of Object.values(world.names)) expect(stored).not.toContain(name.toLowerCase())
    }
    // Where she was named, each locale now reads its neutral phrase.
    const typed = await storedText(world.typed)
    for (const locale of codes) {
      const excerpt = (typed.published.excerpt as unknown as Record<Locale, string>)[locale]
      expect(excerpt).toContain(phrase(kind, locale))
      expect((typed.published.meta?.title as unknown as Record<Locale, string>)[locale]).toContain(phrase(kind, locale))
    }
    const derived = await storedText(world.derived)
    expect((derived.latest.excerpt as unknown as Record<Locale, string>).ru).toBe(`${phrase(kind, 'ru')} ещё раз.`)
  })

  it('publishes no pending draft and adds no version beyond a takedown', async () => {
    const typed = await payload.findByID({ collection: 'stories', id: world.typed, locale: 'en', depth: 0 })
    if (takenDown) {
      // Unpublishing keeps the editor's pending changes as the story's current draft.
      expect(typed._status).toBe('draft')
    } else {
      expect(typed._status).toBe('published')
      expect(typed.title).toBe(`Typed story ${world.names.en.slice(-2)}`)
    }
    const pending = await payload.findVersions({
      collection: 'stories',
      where: { and: [{ parent: { equals: world.typed } }, { 'version.title': { equals: 'Pending draft' } }] },
      locale: 'en',
      sort: '-updatedAt',
    })
    expect(pending.docs.length).toBeGreaterThan(0)
    for (const version of pending.docs) expect(version.version._status).toBe('draft')
    expect(pending.docs[0]?.latest).toBe(true)
    for (const id of [world.derived, world.typed]) {
      const { totalDocs } = await payload.countVersions({ collection: 'stories', where: { parent: { equals: id } } })
      expect(totalDocs).toBe(world.versionsBefore[id]! + (takenDown ? 1 : 0))
    }
  })

  it('names her on the site by a neutral phrase only', async () => {
    const req = await requestAs(payload, null)
    for (const locale of codes) {
      const names = await mentionNames(mentioning(world.person, kind), req, locale, now)
      expect(names.get(`${kind}:${world.person}`)).toBe(phrase(kind, locale))
    }
  })

  it('hides her record from anonymous reads; staff still see her', async () => {
    // Participants are closed to visitors altogether; a leader is hidden once she may not be named.
    const found = await payload.find({ collection: kind, ...anonymous, where: { id: { equals: world.person } } }).then(
      (result) => result.totalDocs,
      () => 0,
    )
    expect(found).toBe(0)
    await expect(payload.findByID({ collection: kind, id: world.person, ...anonymous })).rejects.toThrow()
    const editor = await requestAs(payload, await createStaff(payload, 'editor'))
    const asStaff = await payload.findByID({ collection: kind, id: world.person, overrideAccess: false, req: editor })
    expect(asStaff.id).toBe(world.person)
    expect((asStaff as { shownOnSite?: boolean }).shownOnSite ?? false).toBe(false)
  })
})
