import type { Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishCheckEndpoint } from '@/privacy/publishing/publishCheckEndpoint'
import { signOffEndpoint } from '@/privacy/publishing/signOffEndpoint'
import { adminListUrl } from '@/lib/payload/listUrl'
import { type StorySection, workflowOverview } from '@/lib/workflow/overview'
import type { PublishProblem } from '@/privacy/publishing/publishProblems'
import { schedulePublishWithGates } from '@/privacy/publishing/schedulePublish'
import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'

import { createProgram, schedulePublish, writtenConsent } from '../helpers/content'
import { validationErrors } from '../helpers/errors'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload
let contributor: User
let editor: User
let safeguarding: User
let n = 0

beforeAll(async () => {
  payload = await startPayload()
  contributor = await createStaff(payload, 'contributor')
  editor = await createStaff(payload, 'editor')
  safeguarding = await createStaff(payload, 'safeguarding')
})

afterAll(() => stopPayload(payload))

const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

async function participant() {
  n += 1
  return payload.create({
    collection: 'participants',
    data: {
      publicName: `Workflow pseudonym ${n}`,
      legalName: `Workflow Legal ${n}`,
      consent: writtenConsent(['name']),
    },
  })
}

/** A contributor's draft about a participant with valid consent, as it arrives for review. */
async function draftAboutParticipant(text = 'She found a job in March.', body = richText(text)) {
  const person = await participant()
  n += 1
  const story = await payload.create({
    collection: 'stories',
    data: {
      title: `Workflow story ${n}`,
      slug: '',
      body,
      featuredParticipants: [person.id],
      _status: 'draft',
    },
    draft: true,
    ...as(contributor),
  })
  return { story, person }
}

async function signOff(user: User | null, id: string): Promise<Response> {
  const req = (await requestAs(payload, user)) as PayloadRequest
  req.routeParams = { id }
  return Promise.resolve(signOffEndpoint.handler(req)).catch(
    (error: { status?: number }) => new Response(null, { status: error.status ?? 500 }),
  )
}

const publish = (id: string, user: User = editor) =>
  payload.update({ collection: 'stories', id, data: { _status: 'published' }, ...as(user) })

const latest = (id: string) => payload.findByID({ collection: 'stories', id, draft: true, depth: 0 })

describe('contributors', () => {
  it('write drafts and submit them for review', async () => {
    const { story } = await draftAboutParticipant()
    const submitted = await payload.update({
      collection: 'stories',
      id: story.id,
      data: { reviewStatus: 'inReview' },
      draft: true,
      ...as(contributor),
    })
    expect(submitted.reviewStatus).toBe('inReview')
    expect(submitted._status).toBe('draft')
  })

  it('cannot publish, approve, unpublish or delete, and nothing changes', async () => {
    const { story } = await draftAboutParticipant()
    await expect(publish(story.id, contributor)).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({
        collection: 'stories',
        data: { title: 'x', slug: '', body: richText('x'), _status: 'published' },
        ...as(contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'stories',
        id: story.id,
        data: { reviewStatus: 'approved' },
        draft: true,
        ...as(contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })

    expect((await signOff(safeguarding, story.id)).status).toBe(200)
    await publish(story.id)
    // A save that is not a draft save would change what is published: here, take it down.
    await expect(
      payload.update({ collection: 'stories', id: story.id, data: { _status: 'draft' }, ...as(contributor) }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'stories', id: story.id, ...as(contributor) })).rejects.toMatchObject({
      status: 403,
    })

    // Restoring the first draft over what is published would take it down (REST's ?draft=true
    // restores it as a draft instead; the local API has no such option).
    const { docs: versions } = await payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: story.id } },
      sort: 'createdAt',
    })
    const firstDraft = versions[0]!.id
    await expect(
      payload.restoreVersion({ collection: 'stories', id: firstDraft, ...as(contributor) }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0 }))._status).toBe('published')
  })

  it('edit one story at a time: an update by query is refused, and no draft changes', async () => {
    const stories = [(await draftAboutParticipant()).story, (await draftAboutParticipant()).story]
    const ids = stories.map((story) => story.id)
    const where = `where[id][in]=${ids.join(',')}`
    const response = await rest('PATCH', `/api/stories?${where}&draft=true`, {
      token: await tokenFor(payload, contributor.email),
      body: { title: 'Overwritten' },
    })
    expect(response.status).toBe(403)
    const body = (await response.json()) as { errors: Array<{ data?: { code?: string } }> }
    expect(body.errors[0]?.data?.code).toBe('contributorEditsOneStory')
    await expect(
      payload.update({
        collection: 'stories',
        where: { id: { in: ids } },
        data: { title: 'Overwritten' },
        draft: true,
        ...as(contributor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    for (const story of stories) expect((await latest(story.id)).title).toBe(story.title)
    // Editors still change several at once.
    const edited = await payload.update({
      collection: 'stories',
      where: { id: { in: ids } },
      data: { reviewStatus: 'inReview' },
      draft: true,
      ...as(editor),
    })
    expect(edited.errors).toEqual([])
    expect(edited.docs).toHaveLength(2)
  })

  it('send an approved story back to review when they change it, a draft over a published story included', async () => {
    const { story } = await draftAboutParticipant()
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'approved' }, draft: true })
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: 'Changed after approval' },
      draft: true,
      ...as(contributor),
    })
    expect((await latest(story.id)).reviewStatus).toBe('inReview')

    expect((await signOff(safeguarding, story.id)).status).toBe(200)
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'approved' }, draft: true })
    await publish(story.id)
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: 'A draft over it' },
      draft: true,
      ...as(contributor),
    })
    expect((await latest(story.id)).reviewStatus).toBe('inReview')
    // What is published is untouched; an editor's own edit keeps her approval.
    expect((await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })).title).not.toBe(
      'A draft over it',
    )
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'approved' }, draft: true })
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { title: 'Edited by the editor' },
      draft: true,
      ...as(editor),
    })
    expect((await latest(story.id)).reviewStatus).toBe('approved')
  })
})

describe('safeguarding sign-off', () => {
  it('is required before an editor can publish a story about a participant', async () => {
    const { story } = await draftAboutParticipant()
    const errors = await validationErrors(publish(story.id))
    expect(errors).toEqual([
      expect.objectContaining({ path: 'signOff', message: expect.stringContaining('signed off') }),
    ])
    expect((await latest(story.id))._status).toBe('draft')

    const response = await signOff(safeguarding, story.id)
    expect(response.status).toBe(200)
    const signed = await latest(story.id)
    expect(signed.signOff).toMatchObject({ signedOffBy: safeguarding.id, signedOffAt: expect.any(String) })
    expect(signed._status).toBe('draft')

    const published = await publish(story.id)
    expect(published._status).toBe('published')
  })

  it('is shown to staff before they publish, with anything else that stands in the way', async () => {
    const { story, person } = await draftAboutParticipant()
    const check = async (user: User | null) => {
      const req = (await requestAs(payload, user)) as PayloadRequest
      req.routeParams = { id: story.id }
      return Promise.resolve(publishCheckEndpoint.handler(req)).catch(
        (error: { status?: number }) => new Response(null, { status: error.status ?? 500 }),
      )
    }
    expect((await check(null)).status).toBe(401)
    expect(await (await check(editor)).json()).toEqual({
      ready: false,
      problems: [{ code: 'signOffMissing', message: expect.stringContaining('signed off') }],
    })
    await signOff(safeguarding, story.id)
    expect(await (await check(editor)).json()).toEqual({ ready: true, problems: [] })
    const toldWhileConsenting = await (await check(contributor)).json()
    await payload.update({ collection: 'participants', id: person.id, data: { consent: { status: 'none' } } })
    const blocked = (await (await check(editor)).json()) as { ready: boolean; problems: PublishProblem[] }
    expect(blocked.ready).toBe(false)
    expect(blocked.problems.map((p) => p.code)).toEqual(['noConsent'])
    expect(blocked.problems[0]?.message).toContain(person.publicName)
    expect(JSON.stringify(blocked)).not.toContain(person.legalName!)
    // A contributor is told the same whatever anyone's consent: that safeguarding checks it.
    expect(toldWhileConsenting).toEqual({
      ready: false,
      problems: [{ code: 'waitingForSafeguarding', message: expect.stringContaining('Safeguarding checks') }],
    })
    expect(await (await check(contributor)).json()).toEqual(toldWhileConsenting)
  })

  it('is refused to anyone but safeguarding staff and admins', async () => {
    const { story } = await draftAboutParticipant()
    expect((await signOff(null, story.id)).status).toBe(401)
    expect((await signOff(contributor, story.id)).status).toBe(403)
    expect((await signOff(editor, story.id)).status).toBe(403)
    expect((await signOff(safeguarding, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await latest(story.id)).signOff?.signedOffAt).toBeFalsy()
  })

  it('cannot be written through the API, even by an admin', async () => {
    const admin = await createStaff(payload, 'admin')
    const { story } = await draftAboutParticipant()
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { signOff: { signedOffAt: new Date().toISOString(), signedOffByName: 'Forged' } },
      draft: true,
      ...as(admin),
    })
    expect((await latest(story.id)).signOff?.signedOffAt).toBeFalsy()
    await expect(publish(story.id, admin)).rejects.toThrow()
  })

  it('is cleared by an edit to the story, in any language, but not by an unchanged save or a rename', async () => {
    const { story, person } = await draftAboutParticipant('First version.')
    await signOff(safeguarding, story.id)

    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { reviewStatus: 'approved' },
      draft: true,
      ...as(editor),
    })
    await payload.update({ collection: 'participants', id: person.id, data: { publicName: 'Renamed pseudonym' } })
    expect((await latest(story.id)).signOff?.signedOffAt).toBeTruthy()

    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { body: richText('Second version.') },
      draft: true,
      ...as(contributor),
    })
    expect((await latest(story.id)).signOff?.signedOffAt).toBeFalsy()
    await expect(publish(story.id)).rejects.toThrow(/must sign off/)

    await signOff(safeguarding, story.id)
    await payload.update({
      collection: 'stories',
      id: story.id,
      locale: 'ru',
      data: { title: 'Русская версия', body: richText('Вторая версия.') },
      draft: true,
      ...as(editor),
    })
    expect((await latest(story.id)).signOff?.signedOffAt).toBeFalsy()
  })

  it('no longer holds after a change to its address, a link, its program or its tags', async () => {
    const program = await createProgram(payload)
    const tag = await payload.create({ collection: 'tags', data: { name: `Sign-off tag ${n}`, slug: '' } })
    const linked = richText('She found a job in March.')
    const paragraph = linked.root.children[0] as { children: unknown[] }
    paragraph.children.push({
      type: 'link',
      version: 3,
      fields: { linkType: 'custom', newTab: false, url: 'https://example.org/elsewhere' },
      children: [{ type: 'text', text: ' more', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    })
    const changes: Record<string, unknown>[] = [
      { slug: `a-new-address-${n}` },
      { body: linked },
      { program: program.id },
      { tags: [tag.id] },
    ]
    for (const change of changes) {
      const { story } = await draftAboutParticipant()
      expect((await signOff(safeguarding, story.id)).status).toBe(200)
      await payload.update({ collection: 'stories', id: story.id, data: change, draft: true, ...as(editor) })
      expect((await latest(story.id)).signOff?.signedOffAt, JSON.stringify(change)).toBeFalsy()
      await expect(publish(story.id)).rejects.toMatchObject({ status: 400 })
    }
  })

  it('no longer holds when making its address from the title moves the story, and holds when it does not', async () => {
    const { story } = await draftAboutParticipant()
    const generateFromTitle = () =>
      payload.update({
        collection: 'stories',
        id: story.id,
        data: { generateSlug: true },
        draft: true,
        ...as(contributor),
      })
    const titleSlug = (await latest(story.id)).slug
    expect((await signOff(safeguarding, story.id)).status).toBe(200)
    await generateFromTitle()
    expect((await latest(story.id)).slug).toBe(titleSlug)
    expect((await latest(story.id)).signOff?.signedOffAt, 'same address').toBeTruthy()

    const ownAddress = `an-address-of-its-own-${n}`
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { slug: ownAddress, generateSlug: false },
      draft: true,
      ...as(editor),
    })
    expect((await signOff(safeguarding, story.id)).status).toBe(200)
    await generateFromTitle()
    const moved = await latest(story.id)
    expect(moved.slug).toBe(titleSlug)
    expect(moved.signOff?.signedOffAt, 'moved').toBeFalsy()
    await expect(publish(story.id)).rejects.toMatchObject({ status: 400 })
  })

  it('no longer holds after a call to action in its body is added or edited, like any other edit', async () => {
    const text = 'She found a job in March.'
    type Cta = { heading: string; text: string; button: string; target: 'give' | 'volunteer' }
    const cta: Cta = { heading: 'Keep a circle meeting', text: 'Tea and a warm room.', button: 'Give', target: 'give' }
    const withCta = (change: Partial<Cta> = {}) => richText(text, { cta: { ...cta, ...change } })
    const cases: Array<{ name: string; before: ReturnType<typeof richText>; after: ReturnType<typeof richText> }> = [
      { name: 'a call to action added', before: richText(text), after: withCta() },
      { name: 'its heading', before: withCta(), after: withCta({ heading: 'Keep two circles meeting' }) },
      { name: 'its text', before: withCta(), after: withCta({ text: 'Tea, a warm room and childcare.' }) },
      { name: 'its button', before: withCta(), after: withCta({ button: 'Give now' }) },
      { name: 'its target', before: withCta(), after: withCta({ target: 'volunteer' }) },
      { name: 'a call to action removed', before: withCta(), after: richText(text) },
    ]
    for (const { name, before, after } of cases) {
      const { story } = await draftAboutParticipant(text, before)
      expect((await signOff(safeguarding, story.id)).status, name).toBe(200)
      // Saving the same body again keeps the sign-off: only a change to what readers see clears it.
      await payload.update({ collection: 'stories', id: story.id, data: { body: before }, draft: true, ...as(editor) })
      expect((await latest(story.id)).signOff?.signedOffAt, `${name}: unchanged`).toBeTruthy()
      await payload.update({ collection: 'stories', id: story.id, data: { body: after }, draft: true, ...as(editor) })
      expect((await latest(story.id)).signOff?.signedOffAt, name).toBeFalsy()
      await expect(publish(story.id), name).rejects.toMatchObject({ status: 400 })
    }
  })

  it('is refused when the version she reviewed was saved over since, autosave included', async () => {
    const { story } = await draftAboutParticipant()
    const autosave = (title: string) =>
      payload.update({
        collection: 'stories',
        id: story.id,
        data: { title },
        draft: true,
        autosave: true,
        ...as(contributor),
      })
    const newest = async () =>
      (
        await payload.findVersions({
          collection: 'stories',
          where: { parent: { equals: story.id } },
          sort: '-updatedAt',
          limit: 1,
          depth: 0,
        })
      ).docs[0]!
    await autosave('What she reviewed')
    const reviewed = await newest()
    await autosave('What was typed after')
    // Autosave rewrites its version in place: same ID, new content.
    expect((await newest()).id).toBe(reviewed.id)
    const token = await tokenFor(payload, safeguarding.email)
    const refused = await rest('POST', `/api/stories/${story.id}/sign-off`, {
      token,
      body: { version: reviewed.id, updatedAt: reviewed.updatedAt },
    })
    expect(refused.status).toBe(409)
    expect((await latest(story.id)).signOff?.signedOffAt).toBeFalsy()
    const current = await newest()
    const signed = await rest('POST', `/api/stories/${story.id}/sign-off`, {
      token,
      body: { version: current.id, updatedAt: current.updatedAt },
    })
    expect(signed.status).toBe(200)
    expect((await latest(story.id)).signOff).toMatchObject({ version: current.id, digest: expect.any(String) })
  })

  it('is not needed for stories without participants', async () => {
    n += 1
    const story = await payload.create({
      collection: 'stories',
      data: {
        title: `About the program ${n}`,
        slug: '',
        body: richText('The groups meet weekly.'),
        _status: 'published',
      },
      ...as(editor),
    })
    expect(story._status).toBe('published')
  })

  it('given before a consent takedown no longer holds, whichever way the story is put back up', async () => {
    const { story, person } = await draftAboutParticipant('Told while she consented.')
    await signOff(safeguarding, story.id)
    await payload.update({
      collection: 'stories',
      id: story.id,
      data: { reviewStatus: 'approved', _status: 'published' },
      ...as(editor),
    })
    const { docs: live } = await payload.findVersions({
      collection: 'stories',
      where: { and: [{ parent: { equals: story.id } }, { 'version._status': { equals: 'published' } }] },
      sort: '-updatedAt',
      limit: 1,
    })
    const publishedVersion = live[0]!
    const consent = (withdrawnAt: string | null) => ({
      consent: { ...writtenConsent(['name']), withdrawnAt, withdrawalReason: withdrawnAt ? 'Asked us to' : null },
    })
    await payload.update({ collection: 'participants', id: person.id, data: consent(new Date().toISOString()) })

    // Taken down to the start of review, the time of it kept; what went live keeps its record.
    const taken = await latest(story.id)
    expect(taken).toMatchObject({ _status: 'draft', reviewStatus: 'draft', takedowns: [expect.any(String)] })
    expect(taken.signOff?.signedOffAt ?? null).toBeNull()
    const record = await payload.findVersionByID({ collection: 'stories', id: publishedVersion.id, depth: 0 })
    expect(record.version.signOff?.signedOffAt).toBeTruthy()

    // Her consent given again is not safeguarding's sign-off given again.
    await payload.update({ collection: 'participants', id: person.id, data: consent(null) })
    const isLive = async () => (await payload.findByID({ collection: 'stories', id: story.id, depth: 0 }))._status
    const copies: string[] = []
    const ways: Record<string, () => Promise<unknown>> = {
      publish: () => publish(story.id),
      'bulk publish': () =>
        payload.update({
          collection: 'stories',
          where: { id: { equals: story.id } },
          data: { _status: 'published' },
          ...as(editor),
        }),
      'restore the published version, sign-off and all': () =>
        payload.restoreVersion({ collection: 'stories', id: publishedVersion.id, depth: 0, ...as(editor) }),
      'publish, clearing the takedown': () =>
        payload.update({
          collection: 'stories',
          id: story.id,
          data: { _status: 'published', takedowns: [] },
          ...as(editor),
        }),
      'take her out of it and publish': () =>
        payload.update({
          collection: 'stories',
          id: story.id,
          data: { featuredParticipants: [], _status: 'published' },
          ...as(editor),
        }),
      'schedule it': async () => {
        await schedulePublish(payload, story.id, editor.id)
        await payload.jobs.run({ queue: 'default' })
      },
      'publish a copy': () =>
        payload.duplicate({ collection: 'stories', id: story.id, data: { _status: 'published' }, ...as(editor) }),
      'take her out of a copy and publish that': async () => {
        const copy = await payload.duplicate({ collection: 'stories', id: story.id, draft: true, ...as(editor) })
        copies.push(String(copy.id))
        await payload.update({
          collection: 'stories',
          id: copy.id,
          data: { featuredParticipants: [], _status: 'published' },
          ...as(editor),
        })
      },
    }
    for (const [way, attempt] of Object.entries(ways)) {
      await attempt().catch(() => undefined)
      expect(await isLive(), way).toBe('draft')
      expect((await latest(story.id)).signOff?.signedOffAt ?? null, way).toBeNull()
    }
    const published = await payload.find({
      collection: 'stories',
      where: { and: [{ dependsOn: { contains: `participants:${person.id}` } }, { _status: { equals: 'published' } }] },
      depth: 0,
    })
    expect(published.totalDocs, 'no copy went live either').toBe(0)
    expect(copies).toHaveLength(1)
    const copy = await payload.findByID({ collection: 'stories', id: copies[0]!, depth: 0 })
    expect(copy._status, 'nor one she was taken out of').toBe('draft')
    expect(copy.takedowns, 'a copy carries the takedowns of what it copies').toEqual(taken.takedowns)

    // Signed off anew, after the takedown, it goes live.
    expect((await signOff(safeguarding, story.id)).status).toBe(200)
    expect((await publish(story.id))._status).toBe('published')
  })
})

describe('scheduled publishing', () => {
  async function scheduledJobs(storyId: string) {
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: storyId } }] },
    })
    return docs
  }

  const schedule = (storyId: string, by: User, waitUntil?: Date) => schedulePublish(payload, storyId, by.id, waitUntil)

  it('publishes a signed-off story at its time, as the editor who scheduled it', async () => {
    const { story } = await draftAboutParticipant()
    await signOff(safeguarding, story.id)
    await schedule(story.id, editor, new Date(Date.now() + 60 * 60 * 1000))
    await payload.jobs.run({ queue: 'default' })
    expect((await latest(story.id))._status).toBe('draft')

    await schedule(story.id, editor)
    await payload.jobs.run({ queue: 'default' })
    const published = await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
    expect(published._status).toBe('published')
  })

  it('is refused in the admin to contributors, and for a story that could not go live by then', async () => {
    const { story, person } = await draftAboutParticipant()
    const scheduleFromAdmin = async (user: User, date: Date) =>
      schedulePublishWithGates({
        req: await requestAs(payload, user),
        type: 'publish',
        date,
        doc: { relationTo: 'stories', value: story.id },
      } as Parameters<typeof schedulePublishWithGates>[0])
    const inAnHour = new Date(Date.now() + 60 * 60 * 1000)

    expect(await scheduleFromAdmin(contributor, inAnHour)).toEqual({ error: expect.stringContaining('Only editors') })
    expect(await scheduleFromAdmin(editor, inAnHour)).toEqual({ error: expect.stringContaining('signed off') })
    await signOff(safeguarding, story.id)
    const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 60 * 60 * 1000)
    expect(await scheduleFromAdmin(editor, inTwoYears)).toEqual({ error: expect.stringContaining(person.publicName) })
    expect(await scheduledJobs(story.id)).toHaveLength(0)

    expect(await scheduleFromAdmin(editor, inAnHour)).not.toHaveProperty('error')
    expect(await scheduledJobs(story.id)).toHaveLength(1)
  })

  it('even when queued around the admin, publishes only as its scheduler may', async () => {
    const { story } = await draftAboutParticipant()
    await signOff(safeguarding, story.id)
    await schedule(story.id, contributor)
    await payload.jobs.run({ queue: 'default' })
    expect((await latest(story.id))._status).toBe('draft')
    expect((await scheduledJobs(story.id))[0]?.hasError).toBe(true)
  })

  it('passes the consent gate when it runs: a withdrawal after scheduling keeps the story down', async () => {
    const { story, person } = await draftAboutParticipant()
    await signOff(safeguarding, story.id)
    await schedule(story.id, editor)
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
    await payload.jobs.run({ queue: 'default' })
    expect((await latest(story.id))._status).toBe('draft')
    expect((await scheduledJobs(story.id))[0]?.hasError).toBe(true)
  })
})

describe('bulk publishing', () => {
  it('publishes what may go live and refuses the rest, with the reason', async () => {
    const ready = await draftAboutParticipant()
    const unsigned = await draftAboutParticipant()
    await signOff(safeguarding, ready.story.id)
    const result = await payload.update({
      collection: 'stories',
      where: { id: { in: [ready.story.id, unsigned.story.id] } },
      data: { _status: 'published' },
      ...as(editor),
    })
    expect(result.docs.map((doc) => doc.id)).toEqual([ready.story.id])
    expect(result.errors).toEqual([
      expect.objectContaining({ id: unsigned.story.id, message: expect.stringContaining('must sign off') }),
    ])
    expect((await latest(unsigned.story.id))._status).toBe('draft')
  })
})

describe('the admin home', () => {
  it('lists what each role needs next', async () => {
    const { story: submitted } = await draftAboutParticipant()
    await payload.update({
      collection: 'stories',
      id: submitted.id,
      data: { reviewStatus: 'inReview' },
      draft: true,
      ...as(contributor),
    })
    const { story: scheduled } = await draftAboutParticipant()
    await signOff(safeguarding, scheduled.id)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'stories', value: scheduled.id },
        user: { relationTo: 'users', value: editor.id },
      },
      waitUntil: new Date(Date.now() + 60 * 60 * 1000),
    })

    const forEditor = await workflowOverview(payload, editor)
    expect(forEditor.awaitingReview?.items.map((s) => s.id)).toContain(submitted.id)
    expect(forEditor.awaitingSignOff?.items.map((s) => s.id)).toContain(submitted.id)
    expect(forEditor.awaitingSignOff?.items.map((s) => s.id)).not.toContain(scheduled.id)
    expect(forEditor.scheduled.map((s) => s.id)).toContain(scheduled.id)
    expect(forEditor.myDrafts).toBeNull()

    const forSafeguarding = await workflowOverview(payload, safeguarding)
    expect(forSafeguarding.awaitingReview).toBeNull()
    expect(forSafeguarding.awaitingSignOff?.items.map((s) => s.id)).toContain(submitted.id)
    expect(forSafeguarding.failedSchedules).toBeNull()

    const forContributor = await workflowOverview(payload, contributor)
    expect(forContributor.myDrafts?.items.map((s) => s.id)).toEqual(
      expect.arrayContaining([submitted.id, scheduled.id]),
    )
    expect(forContributor.awaitingReview).toBeNull()
    expect(forContributor.awaitingSignOff).toBeNull()

    // Each list links to the stories list filtered as it was read: the same stories, the same count.
    const sections: Array<[User, StorySection | null]> = [
      [editor, forEditor.awaitingReview],
      [editor, forEditor.awaitingSignOff],
      [safeguarding, forSafeguarding.awaitingSignOff],
      [contributor, forContributor.myDrafts],
    ]
    for (const [user, section] of sections) {
      const query = adminListUrl('/admin', 'stories', section!.where).split('?')[1]
      const response = await rest('GET', `/api/stories?draft=true&depth=0&limit=100&sort=-updatedAt&${query}`, {
        token: await tokenFor(payload, user.email),
      })
      const listed = (await response.json()) as { totalDocs: number; docs: Array<{ id: string }> }
      expect(listed.totalDocs).toBe(section!.total)
      expect(listed.docs.slice(0, section!.items.length).map((d) => d.id)).toEqual(section!.items.map((i) => i.id))
    }
  })
})

describe('the jobs system', () => {
  it('is closed to staff through the API, so nobody can hold back the nightly consent check', async () => {
    for (const user of [contributor, editor, safeguarding]) {
      await expect(payload.findGlobal({ slug: 'payload-jobs-stats', ...as(user) })).rejects.toMatchObject({
        status: 403,
      })
      await expect(
        payload.updateGlobal({ slug: 'payload-jobs-stats', data: { stats: {} }, ...as(user) }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(payload.find({ collection: 'payload-jobs', ...as(user) })).rejects.toMatchObject({ status: 403 })
    }
    const admin = await createStaff(payload, 'admin')
    await expect(
      payload.updateGlobal({ slug: 'payload-jobs-stats', data: { stats: {} }, ...as(admin) }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
