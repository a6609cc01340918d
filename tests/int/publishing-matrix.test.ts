import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Participant, Story, User } from '@/payload-types'
import { signedContentDigest } from '@/privacy/publishing/signOff'
import { richText } from '@/seed/richText'
import { drawIllustration } from '@/seed/images'

import { writtenConsent } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'
import {
  bodyNaming,
  type Cell,
  cells,
  contentData,
  effectOf,
  expectation,
  expectedView,
  model,
  type Operation,
  type PersonRef,
  type Reason,
  type RoleName,
  roles,
  type StaffRole,
  type StateName,
  stateNames,
  states,
} from '../helpers/publishingMatrix'
import {
  type Actor,
  attemptWrite,
  buildTemplate,
  cloneTemplate,
  type Fixture,
  type HistoryNeed,
  latestVersionId,
  publicView,
  publicViewOverRest,
  type Snapshot,
  snapshot,
  type Template,
  uniqueSlug,
} from '../helpers/writePaths'

/**
 * The publishing matrix the privacy promise rests on: every role × every write path (over REST,
 * GraphQL, the local API with access enforced, and the jobs queue) × every story state. Each
 * cell's expected outcome is worked out from the declared table in tests/helpers/publishingMatrix.ts,
 * and checked as an anonymous visitor sees the story before and after the write.
 */
let payload: Payload
const actors = {} as Record<RoleName, Actor>
/** Named in the stories about a participant; her consent to be named holds. */
let consenting: Participant
/** Named in the "without consent" stories; she withdrew after they were written. */
let withdrawn: Participant
/** An image showing nobody, for SEO image edits. */
let plainImage: Media
const templates = {} as Record<StateName, Template>

const personOf = (state: StateName): Participant | null =>
  states[state].person === 'none' ? null : states[state].consent ? consenting : withdrawn

const refOf = (person: Participant | null): PersonRef | null =>
  person ? { collection: 'participants', id: String(person.id) } : null

beforeAll(async () => {
  payload = await startPayload()
  for (const role of ['contributor', 'editor', 'safeguarding', 'admin'] as const) {
    const user = await createStaff(payload, role)
    actors[role] = { role, user, token: await tokenFor(payload, user.email) }
  }
  actors.anonymous = { role: 'anonymous', user: null, token: null }

  consenting = await payload.create({
    collection: 'participants',
    data: { publicName: 'Matrix Aigul', legalName: 'Matrix Legal One', consent: writtenConsent(['name']) },
  })
  withdrawn = await payload.create({
    collection: 'participants',
    data: { publicName: 'Matrix Saule', legalName: 'Matrix Legal Two', consent: writtenConsent(['name']) },
  })
  const file = await drawIllustration({ name: 'matrix', palette: ['#fff', '#000', '#888'], motif: 'sun' })
  plainImage = await payload.create({
    collection: 'media',
    data: { alt: 'A sunrise over the steppe' },
    file: { data: file, mimetype: 'image/jpeg', name: 'matrix-plain.jpg', size: file.length },
  })

  // Each state's history is written once through the API; cells that change a story get a copy.
  const built = await Promise.all(
    stateNames.map((state) => buildTemplate(payload, states[state], refOf(personOf(state)))),
  )
  stateNames.forEach((state, i) => (templates[state] = built[i]!))
  await payload.update({
    collection: 'participants',
    id: withdrawn.id,
    data: { consent: { ...writtenConsent(['name']), withdrawnAt: new Date().toISOString() } },
  })
})

afterAll(() => stopPayload(payload))

/** A story per state that refused writes share; replaced if a write changed it after all. */
const shared = new Map<StateName, { fixture: Fixture; before: Snapshot }>()
async function sharedFixture(state: StateName) {
  let entry = shared.get(state)
  if (!entry) {
    const fixture = await cloneTemplate(payload, templates[state])
    entry = { fixture, before: await snapshot(payload, fixture.id) }
    shared.set(state, entry)
  }
  return entry
}

/** What the public must see of a story in its declared state. */
function declaredView(state: StateName) {
  const { live } = model(states[state])
  return live
    ? expectedView(
        { locales: { en: live, ru: live, kk: live }, edits: [] },
        refOf(personOf(state)),
        String(plainImage.id),
      )
    : null
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What a refusal must say, so the person refused knows why. */
function reasonPattern(reason: Reason, state: StateName): RegExp {
  switch (reason) {
    case 'forbidden':
      return /not allowed/i
    case 'contributor':
      return /contributors|only editors/i
    case 'signOff':
      return /sign(ed)? (it )?off/i
    case 'consent':
      return new RegExp(`${escape(personOf(state)!.publicName)}: [^"]*consent`)
  }
}

async function storyBySlug(slug: string) {
  const { docs } = await payload.find({
    collection: 'stories',
    where: { slug: { equals: slug } },
    draft: true,
    depth: 0,
  })
  return docs[0] ?? null
}

async function runCell(cell: Cell) {
  const expected = expectation(cell.role, cell.path, cell.state)
  const effect = effectOf(cell.path.operation, model(states[cell.state]))
  const changesStory = expected.outcome === 'accepted' && effect.target === 'story'
  const person = refOf(personOf(cell.state))
  const imageId = String(plainImage.id)

  // A write expected to change the story gets a copy of its own; the others share one per state.
  let fixture: Fixture
  let before: Pick<Snapshot, 'public' | 'versions'> & Partial<Snapshot>
  if (changesStory) {
    const copy = await cloneTemplate(payload, templates[cell.state], historyNeeded(cell.path.operation))
    fixture = copy
    before = { public: await publicView(payload, fixture.id), versions: copy.versionCount }
  } else {
    ;({ fixture, before } = await sharedFixture(cell.state))
  }
  // The story is in its declared state: the public sees what its history left live.
  expect(before.public, 'what the public sees before the write').toEqual(declaredView(cell.state))

  const newSlug = uniqueSlug('matrix-new')
  const attempt = await attemptWrite(
    payload,
    cell.api,
    cell.path.operation,
    actors[cell.role],
    { fixture, newSlug, imageId },
    (user: User | null) => requestAs(payload, user),
  )
  if (cell.api === 'jobs' && roles[cell.role].writesStories !== 'published') {
    expect(attempt.queuedThroughApi, 'publishing queued through the jobs API').toBe(false)
  }

  if (expected.outcome === 'refused' || effect.target !== 'story') {
    const after = await snapshot(payload, fixture.id)
    if (JSON.stringify(after) !== JSON.stringify(before)) shared.delete(cell.state)
    const created = effect.target === 'story' ? null : await storyBySlug(newSlug)
    // What the public sees first: that is the promise; then that the refusal left no trace.
    expect(after.public, 'what the public sees of the story').toEqual(before.public)
    if (expected.outcome === 'refused') {
      if (created) expect(await publicView(payload, String(created.id)), 'the story it made, publicly').toBeNull()
      expect(attempt.ok, 'the write was accepted').toBe(false)
      if (attempt.status !== undefined) expect(attempt.status, attempt.error).toBe(expected.status)
      for (const reason of expected.reasons) {
        expect(attempt.error, `the refusal says why (${reason})`).toMatch(reasonPattern(reason, cell.state))
      }
      expect(after, 'the story and its versions').toEqual(before)
      expect(created, 'a story the refused write made').toBeNull()
      return
    }
    // A copy or a new story: the original is untouched.
    expect(after, 'the original story and its versions').toEqual(before)
    expect(created, `the story the write made (${attempt.error})`).not.toBeNull()
    const createdView = await publicView(payload, String(created!.id))
    if (effect.target === 'copy') {
      expect(createdView, 'the copy, publicly').toBeNull()
      expect(attempt.ok, attempt.error).toBe(true)
      expect(created!._status, 'a copy starts as a draft').toBe('draft')
      expect(created!.reviewStatus, 'a copy starts unreviewed').toBe('draft')
      expect(created!.signOff?.signedOffAt ?? null, 'a copy carries no sign-off').toBeNull()
      expect(created!.signOff?.digest ?? null).toBeNull()
    } else {
      expect(createdView, 'the new story, publicly').toEqual(expectedView(effect.content, person, imageId))
      expect(attempt.ok, attempt.error).toBe(true)
    }
    return
  }

  const publicAfter =
    expected.publicAfter === 'unchanged'
      ? before.public
      : expected.publicAfter && expectedView(expected.publicAfter, person, imageId)
  expect(await publicView(payload, fixture.id), 'what the public sees after the write').toEqual(publicAfter)
  expect(attempt.ok, attempt.error).toBe(true)
  const versions = await payload.countVersions({ collection: 'stories', where: { parent: { equals: fixture.id } } })
  expect(versions.totalDocs, 'versions after the write').toBeGreaterThan(before.versions)
  if (cell.api === 'rest') expect(await publicViewOverRest(fixture.id), 'over REST').toEqual(publicAfter)
}

/** The versions of its history a write reads, besides the latest. */
const historyNeeded = (operation: Operation): HistoryNeed[] =>
  operation.op === 'restore' ? [operation.version] : operation.op === 'publishLocale' ? ['lastPublished'] : []

describe('publishing matrix', () => {
  const all = cells()
  it('covers every role, write path, API and state', () => {
    expect(new Set(all.map((c) => c.role)).size).toBe(5)
    expect(new Set(all.map((c) => c.state)).size).toBe(stateNames.length)
    expect(new Set(all.map((c) => c.api))).toEqual(new Set(['rest', 'graphql', 'local', 'jobs']))
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length)
    const outcomes = all.map((c) => expectation(c.role, c.path, c.state).outcome)
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(0)
    expect(outcomes.filter((o) => o === 'accepted').length).toBeGreaterThan(0)
  })
  for (const cell of all) it(cell.name, () => runCell(cell))
})

// ---------------------------------------------------------------------------------------------
// Focused tests: the sign-off's binding, and consent for every scope and every public image
// ---------------------------------------------------------------------------------------------

const asUser = (role: StaffRole) => ({
  overrideAccess: false,
  user: { ...actors[role].user!, collection: 'users' as const },
})

let made = 0
async function participantWith(scopes: Array<'name' | 'photo' | 'quotes' | 'personalDetails'>) {
  made += 1
  return payload.create({
    collection: 'participants',
    data: { publicName: `Focus ${made} Pseudonym`, legalName: `Focus ${made} Legal`, consent: writtenConsent(scopes) },
  })
}

/** An uploaded image showing `person`, or nobody. */
async function image(person: Participant | null) {
  const name = uniqueSlug('focus-image')
  const file = await drawIllustration({ name, palette: ['#fff', '#000', '#888'], motif: 'sun' })
  return payload.create({
    collection: 'media',
    data: {
      alt: person ? 'A portrait' : 'The meeting room',
      peopleShown: person ? [{ relationTo: 'participants', value: person.id }] : [],
    },
    file: { data: file, mimetype: 'image/jpeg', name: `${name}.jpg`, size: file.length },
  })
}

/** POST /api/stories/:id/sign-off as safeguarding, naming the version reviewed if given. */
const signOffOverRest = async (id: string, version?: string) => {
  const updatedAt = version
    ? (await payload.findVersionByID({ collection: 'stories', id: version, depth: 0 })).updatedAt
    : undefined
  return rest('POST', `/api/stories/${id}/sign-off`, {
    token: actors.safeguarding.token,
    body: version ? { version, updatedAt } : {},
  })
}

const publishOverRest = (id: string) =>
  rest('PATCH', `/api/stories/${id}?depth=0`, { token: actors.editor.token, body: { _status: 'published' } })

/** Signs off and publishes; the answer of the publish. */
async function signAndPublishStory(id: string) {
  expect((await signOffOverRest(id)).status).toBe(200)
  const response = await publishOverRest(id)
  return { status: response.status, body: JSON.stringify(await response.json()) }
}

const latestAllLocales = async (id: string) =>
  (await payload.findByID({ collection: 'stories', id, draft: true, locale: 'all', depth: 0 })) as unknown as Record<
    string,
    unknown
  > & { signOff?: Story['signOff'] }

/** A draft by an editor, in English, about `person` (named in the body) or nobody. */
async function draftStory(person: Participant | null, extra: Record<string, unknown> = {}) {
  const story = await payload.create({
    collection: 'stories',
    data: { ...contentData('cur', 'en', refOf(person)), slug: uniqueSlug('focus'), _status: 'draft', ...extra },
    draft: true,
    ...asUser('editor'),
  })
  return String(story.id)
}

describe('safeguarding sign-off', () => {
  it('is refused with 409 for a version the story has been saved after, and records the version and digest', async () => {
    const id = await draftStory(consenting)
    const reviewed = await latestVersionId(payload, id)
    await payload.update({
      collection: 'stories',
      id,
      data: { excerpt: 'Changed after safeguarding opened it' },
      draft: true,
      ...asUser('contributor'),
    })

    const stale = await signOffOverRest(id, reviewed)
    expect(stale.status).toBe(409)
    expect(JSON.stringify(await stale.json())).toMatch(/changed since you opened it/)
    expect((await latestAllLocales(id)).signOff?.signedOffAt ?? null).toBeNull()
    expect((await publishOverRest(id)).status).toBe(400)
    expect(await publicView(payload, id)).toBeNull()

    const current = await latestVersionId(payload, id)
    const signed = await signOffOverRest(id, current)
    expect(signed.status).toBe(200)
    const story = await latestAllLocales(id)
    expect(story.signOff).toMatchObject({
      signedOffBy: actors.safeguarding.user!.id,
      signedOffAt: expect.any(String),
      version: current,
      digest: signedContentDigest(story),
    })
    expect(story.signOff?.digest).toMatch(/^[0-9a-f]{64}$/)

    // It holds for exactly that content: the story goes live as signed, and any change needs a new sign-off.
    expect((await publishOverRest(id)).status).toBe(200)
    expect((await publicView(payload, id))?.excerpt.en).toBe('Changed after safeguarding opened it')
    const edit = await rest('PATCH', `/api/stories/${id}?depth=0`, {
      token: actors.editor.token,
      body: { meta: { description: 'A new description' } },
    })
    expect(edit.status).toBe(400)
    expect(JSON.stringify(await edit.json())).toMatch(/signed off/)
    expect((await publicView(payload, id))?.metaDescription.en).toBe('cur SEO description (en)')
  })

  it('of an old version is kept on restoring it only while the content still matches what was signed', async () => {
    const restorePublished = async (id: string) => {
      const { docs } = await payload.findVersions({
        collection: 'stories',
        where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
        sort: 'updatedAt',
        depth: 0,
      })
      return rest('POST', `/api/stories/versions/${docs[0]!.id}?depth=0`, { token: actors.editor.token })
    }
    /** Published and signed with a hero image, then replaced by a signed second version without it. */
    async function signedTwice() {
      const hero = await image(null)
      const id = await draftStory(consenting, { heroImage: hero.id })
      expect((await signOffOverRest(id)).status).toBe(200)
      expect((await publishOverRest(id)).status).toBe(200)
      await payload.update({
        collection: 'stories',
        id,
        data: { title: 'The second version', heroImage: null },
        draft: true,
        ...asUser('editor'),
      })
      expect((await signOffOverRest(id)).status).toBe(200)
      expect((await publishOverRest(id)).status).toBe(200)
      return { id, hero }
    }

    const matching = await signedTwice()
    const restored = await restorePublished(matching.id)
    expect(restored.status).toBe(200)
    expect((await publicView(payload, matching.id))?.title.en).toBe('cur title (en)')
    const live = (await payload.findByID({ collection: 'stories', id: matching.id, locale: 'all', depth: 0 })) as never
    expect((live as { signOff: Story['signOff'] }).signOff?.digest).toBe(signedContentDigest(live))

    // Since it was signed, the first version's photo has been found to show someone: that is not
    // what safeguarding signed, even though her photo consent is in order.
    const changed = await signedTwice()
    const shown = await participantWith(['name', 'photo'])
    await payload.update({
      collection: 'media',
      id: changed.hero.id,
      data: { peopleShown: [{ relationTo: 'participants', value: shown.id }] },
    })
    const versionsBefore = await payload.countVersions({
      collection: 'stories',
      where: { parent: { equals: changed.id } },
    })
    const refused = await restorePublished(changed.id)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toMatch(/signed off/)
    expect((await publicView(payload, changed.id))?.title.en).toBe('The second version')
    expect(
      (await payload.countVersions({ collection: 'stories', where: { parent: { equals: changed.id } } })).totalDocs,
    ).toBe(versionsBefore.totalDocs)
  })
})

describe('consent scopes', () => {
  it('telling her personal details needs the personal-details scope', async () => {
    const person = await participantWith(['name'])
    const id = await draftStory(null, { personalDetailsOf: [{ relationTo: 'participants', value: person.id }] })
    const refused = await signAndPublishStory(id)
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(`${person.publicName}: no consent for personal details`)
    expect(await publicView(payload, id)).toBeNull()

    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'personalDetails']) },
    })
    expect((await publishOverRest(id)).status).toBe(200)
    expect(await publicView(payload, id)).not.toBeNull()
  })

  it("a pull quote's speaker needs the quotes scope", async () => {
    const person = await participantWith(['name'])
    const body = richText('The group met on Tuesday.', {
      pullQuote: 'I found my voice again.',
      speaker: `{{participants:${person.id}}}`,
    })
    const id = await draftStory(null, { body })
    const refused = await signAndPublishStory(id)
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(`${person.publicName}: no consent for direct quotes`)
    expect(await publicView(payload, id)).toBeNull()

    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'quotes']) },
    })
    expect((await publishOverRest(id)).status).toBe(200)
    expect(await publicView(payload, id)).not.toBeNull()
  })
})

describe('photo consent for every public image', () => {
  it('an SEO image in another language showing someone without photo consent blocks publication', async () => {
    const person = await participantWith(['name'])
    const photo = await image(person)
    const id = await draftStory(null)
    await payload.update({
      collection: 'stories',
      id,
      locale: 'ru',
      data: { title: 'По-русски', body: richText('Текст.'), meta: { image: photo.id } },
      draft: true,
      ...asUser('editor'),
    })
    const refused = await signAndPublishStory(id)
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(`${person.publicName}: no consent for photo`)
    expect(await publicView(payload, id)).toBeNull()

    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'photo']) },
    })
    expect((await publishOverRest(id)).status).toBe(200)
    expect((await publicView(payload, id))?.metaImage.ru).toBe(String(photo.id))
  })

  it('an image in another language’s body showing someone without photo consent blocks publication', async () => {
    const person = await participantWith(['name'])
    const photo = await image(person)
    const id = await draftStory(null)
    await payload.update({
      collection: 'stories',
      id,
      locale: 'kk',
      data: { title: 'Қазақша', body: richText('Мәтін.', { image: String(photo.id) }) },
      draft: true,
      ...asUser('editor'),
    })
    const refused = await signAndPublishStory(id)
    expect(refused.status).toBe(400)
    expect(refused.body).toContain(`${person.publicName}: no consent for photo`)
    expect(await publicView(payload, id)).toBeNull()

    // With her photo consent the same story goes live: the gate was what stopped it.
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'photo']) },
    })
    expect((await publishOverRest(id)).status).toBe(200)
    expect(await publicView(payload, id)).not.toBeNull()
  })

  it('a program whose hero image shows someone without photo consent cannot be published', async () => {
    const person = await participantWith(['name'])
    const photo = await image(person)
    const program = await payload.create({
      collection: 'programs',
      data: {
        name: 'Focus program',
        slug: uniqueSlug('focus-program'),
        status: 'active',
        heroImage: photo.id,
        _status: 'draft',
      },
      draft: true,
      ...asUser('editor'),
    })
    const publish = () =>
      rest('PATCH', `/api/programs/${program.id}?depth=0`, {
        token: actors.editor.token,
        body: { _status: 'published' },
      })
    const anonymousRead = () =>
      payload
        .findByID({ collection: 'programs', id: program.id, depth: 0, overrideAccess: false })
        .then(() => true)
        .catch(() => false)

    const refused = await publish()
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain(`${person.publicName}: no consent for photo`)
    expect(await anonymousRead()).toBe(false)

    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: writtenConsent(['name', 'photo']) },
    })
    expect((await publish()).status).toBe(200)
    expect(await anonymousRead()).toBe(true)
  })
})

describe('copies and bulk publishing judge what is really stored', () => {
  it('a copy of a story naming a participant only in Russian is never published', async () => {
    const id = await draftStory(null)
    await payload.update({
      collection: 'stories',
      id,
      locale: 'ru',
      data: { title: 'По-русски', body: bodyNaming(' рассказала о себе.', refOf(consenting)) },
      draft: true,
      ...asUser('editor'),
    })
    expect((await signAndPublishStory(id)).status).toBe(200)

    const slug = uniqueSlug('focus-copy')
    const response = await rest('POST', `/api/stories/${id}/duplicate?draft=false&depth=0`, {
      token: actors.editor.token,
      body: { title: 'A copy', slug },
    })
    const copy = await payload.find({ collection: 'stories', where: { slug: { equals: slug } }, depth: 0 })
    const copyId = copy.docs[0] ? String(copy.docs[0].id) : null
    expect(copyId && (await publicView(payload, copyId)), `the copy, publicly (answer ${response.status})`).toBeFalsy()
  })

  it('a bulk publish puts live only what safeguarding signed', async () => {
    const id = await draftStory(consenting)
    expect((await signAndPublishStory(id)).status).toBe(200)
    const signedVersion = await latestVersionId(payload, id)
    // Taken down with new, unsigned text; then the signed version restored as a draft over it.
    await payload.update({
      collection: 'stories',
      id,
      data: { _status: 'draft', title: 'Unsigned text', body: bodyNaming(' said more.', refOf(consenting)) },
      ...asUser('editor'),
    })
    const restore = await rest('POST', `/api/stories/versions/${signedVersion}?draft=true&depth=0`, {
      token: actors.editor.token,
    })
    expect(restore.status).toBe(200)

    const bulk = await rest('PATCH', `/api/stories?where[id][equals]=${id}&depth=0`, {
      token: actors.editor.token,
      body: { _status: 'published' },
    })
    const view = await publicView(payload, id)
    // Either refused, or what went live is the signed version.
    expect(view?.title.en ?? null, `bulk answered ${bulk.status}`).not.toBe('Unsigned text')
    if (view) {
      const live = (await payload.findByID({ collection: 'stories', id, locale: 'all', depth: 0 })) as never
      expect((live as { signOff: Story['signOff'] }).signOff?.digest).toBe(signedContentDigest(live))
    }
  })
})
