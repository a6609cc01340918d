import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refusals, type RefusalCode } from '@/lib/i18n/admin/refusals'
import { keepErrorData } from '@/lib/errors/keepErrorData'
import { drawIllustration } from '@/seed/images'
import { richText } from '@/seed/richText'

import { createStory } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { adminT } from '../helpers/i18n'
import { mentioning } from '../helpers/people'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * Every refusal Voices raises on purpose reaches an API client with its message, in the
 * language the client asked for, and a stable code; and nothing is stored. One row per refusal:
 * who asks, what they send, the status and code they must get.
 */
let payload: Payload
const tokens: Record<'contributor' | 'editor' | 'safeguarding', string> = {
  contributor: '',
  editor: '',
  safeguarding: '',
}
let storyId = ''
let draftVersionId = ''
let participantId = ''

type Call = { method: 'GET' | 'POST' | 'PATCH'; path: () => string; body?: () => unknown }
/** `vars` fill the message's placeholders, as the refusal does. */
type Row = {
  code: RefusalCode
  as: keyof typeof tokens | null
  call: Call
  status: number
  vars?: Record<string, string>
}

const draft = () => ({ title: 'Refused', slug: '', body: richText('Text.') })
const missingId = '00000000-0000-4000-8000-000000000000'

const table: Row[] = [
  {
    code: 'contributorCannotPublish',
    as: 'contributor',
    call: { method: 'POST', path: () => '/api/stories', body: () => ({ ...draft(), _status: 'published' }) },
    status: 403,
  },
  {
    code: 'onlyEditorsApprove',
    as: 'contributor',
    call: {
      method: 'POST',
      path: () => '/api/stories?draft=true',
      body: () => ({ ...draft(), reviewStatus: 'approved' }),
    },
    status: 403,
  },
  {
    code: 'contributorSavesDrafts',
    as: 'contributor',
    call: { method: 'PATCH', path: () => `/api/stories/${storyId}`, body: () => ({ title: 'Overwritten' }) },
    status: 403,
  },
  {
    code: 'contributorEditsOneStory',
    as: 'contributor',
    call: {
      method: 'PATCH',
      path: () => `/api/stories?where[id][equals]=${storyId}&draft=true`,
      body: () => ({ title: 'Overwritten' }),
    },
    status: 403,
  },
  {
    code: 'noVersionsKept',
    as: 'contributor',
    call: { method: 'GET', path: () => '/api/participants/versions' },
    status: 404,
    vars: { slug: 'participants' },
  },
  {
    code: 'contributorRestoresAsDraft',
    as: 'contributor',
    call: { method: 'POST', path: () => `/api/stories/versions/${draftVersionId}` },
    status: 403,
  },
  {
    code: 'signInRequired',
    as: null,
    call: { method: 'GET', path: () => `/api/stories/${storyId}/publish-check` },
    status: 401,
  },
  {
    code: 'noSuchStory',
    as: 'editor',
    call: { method: 'GET', path: () => `/api/stories/${missingId}/publish-check` },
    status: 404,
  },
  {
    code: 'onlySafeguardingSignsOff',
    as: 'editor',
    call: { method: 'POST', path: () => `/api/stories/${storyId}/sign-off` },
    status: 403,
  },
  {
    code: 'versionMustBeId',
    as: 'safeguarding',
    call: { method: 'POST', path: () => `/api/stories/${storyId}/sign-off`, body: () => ({ version: 7 }) },
    status: 400,
  },
  {
    code: 'updatedAtMustBeTime',
    as: 'safeguarding',
    // Autosave rewrites a version in place: its ID alone does not say which text she read.
    call: { method: 'POST', path: () => `/api/stories/${storyId}/sign-off`, body: () => ({ version: missingId }) },
    status: 400,
  },
  {
    code: 'storyChangedSinceOpened',
    as: 'safeguarding',
    call: {
      method: 'POST',
      path: () => `/api/stories/${storyId}/sign-off`,
      body: () => ({ version: missingId, updatedAt: new Date().toISOString() }),
    },
    status: 409,
  },
  {
    code: 'signInRequired',
    as: null,
    call: { method: 'POST', path: () => `/api/participants/${participantId}/erase` },
    status: 401,
  },
  {
    code: 'onlySafeguardingErases',
    as: 'editor',
    call: { method: 'POST', path: () => `/api/participants/${participantId}/erase` },
    status: 403,
  },
  {
    code: 'noSuchPerson',
    as: 'safeguarding',
    call: { method: 'POST', path: () => `/api/participants/${missingId}/erase` },
    status: 404,
  },
  {
    code: 'oneClickExpected',
    as: null,
    call: { method: 'POST', path: () => '/api/subscribers/unsubscribe?token=made.up', body: () => ({}) },
    status: 400,
  },
  {
    code: 'onlyEditorsExportStats',
    as: 'contributor',
    call: { method: 'GET', path: () => '/api/story-stats/export' },
    status: 403,
  },
  {
    code: 'emailRequired',
    as: null,
    call: { method: 'POST', path: () => '/api/users/forgot-password', body: () => ({}) },
    status: 400,
  },
]

type ErrorBody = {
  errors?: Array<{ message: string; data?: { code?: string; errors?: Array<{ code?: string; message: string }> } }>
}

async function send(row: Row, language: 'en' | 'ru') {
  const response = await rest(row.call.method, row.call.path(), {
    token: row.as ? tokens[row.as] : null,
    body: row.call.body?.(),
    headers: { 'Accept-Language': language },
  })
  return { status: response.status, body: (await response.json()) as ErrorBody }
}

const storyCount = async () =>
  (await payload.count({ collection: 'stories', where: { title: { equals: 'Refused' } } })).totalDocs

beforeAll(async () => {
  payload = await startPayload()
  for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
    tokens[role] = await tokenFor(payload, (await createStaff(payload, role)).email)
  }
  const participant = await payload.create({
    collection: 'participants',
    data: { publicName: 'Aigerim', legalName: 'Legal Aigerim' },
  })
  participantId = String(participant.id)
  const story = await createStory(payload, { title: 'Published already' })
  storyId = String(story.id)
  await payload.update({ collection: 'stories', id: storyId, data: { title: 'A draft over it' }, draft: true })
  const { docs } = await payload.findVersions({
    collection: 'stories',
    where: { parent: { equals: storyId } },
    sort: '-updatedAt',
    limit: 1,
  })
  draftVersionId = String(docs[0]!.id)
})

afterAll(() => stopPayload(payload))

describe('a refusal over REST', () => {
  it.each(table)('$code: status, code and message in English and Russian, nothing stored', async (row) => {
    const before = await storyCount()
    for (const language of ['en', 'ru'] as const) {
      const { status, body } = await send(row, language)
      expect(status).toBe(row.status)
      expect(body.errors?.[0]?.data?.code).toBe(row.code)
      const expected = refusals[language][row.code].replace(
        /\{\{(\w+)\}\}/g,
        (_, name: string) => row.vars?.[name] ?? '',
      )
      expect(body.errors?.[0]?.message).toBe(expected)
    }
    expect(await storyCount()).toBe(before)
  })

  it('a review status that does not exist is a validation error, not an approval refused', async () => {
    const before = await storyCount()
    const response = await rest('POST', '/api/stories?draft=true', {
      token: tokens.contributor,
      body: { ...draft(), reviewStatus: 'published-now' },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as {
      errors?: Array<{ name?: string; data?: { errors?: Array<{ path?: string }> } }>
    }
    expect(body.errors?.[0]?.name).toBe('ValidationError')
    expect(body.errors?.[0]?.data?.errors?.map((e) => e.path)).toContain('reviewStatus')
    expect(await storyCount()).toBe(before)
  })

  // Raised only in the admin's drawer (tested in workflow.test.ts), by a job that runs as a
  // contributor (the last line behind the others), by arguments REST does not take, with words
  // filled in (auth.test.ts), or on malformed requests (hostile-requests.test.ts).
  it('covers every refusal code Voices declares, except those raised elsewhere', () => {
    const raisedElsewhere: RefusalCode[] = [
      'tooManyLogins',
      'passwordResetOverRest',
      // Each tested below, with the image it is about.
      'imageUnderReview',
      'onlySafeguardingUntagsPeople',
      'onlyEditorsPublish',
      'onlyEditorsSchedule',
      'notScheduled',
      'contributorCannotChangeLanguages',
      'unknownLocale',
      'bodyTooLarge',
      'bodyNotJson',
      'bodyNotObject',
      'bodyTooDeep',
      'prototypeKey',
      'unsupportedBody',
      'malformedForm',
      'malformedQuery',
      'notText',
      'notADate',
      'notANumber',
      'notABoolean',
      'notAnOption',
      'noSuchDocument',
      // Needs the one-click form body (subscribers.test.ts).
      'unsubscribeLinkInvalid',
      // Names the field it refuses, on every API (unwritable-fields.test.ts).
      'fieldNotWritable',
      // Outsiders filtering on stored rich text (participant-refs.test.ts, e2e/hostile-cases.ts).
      'fieldNotFilterable',
      // Failures of the machine and concurrent edits: fault-handling.test.ts, edit-conflicts.test.ts.
      'storageFull',
      'databaseUnavailable',
      'databaseBusy',
      'editConflict',
    ]
    const covered = new Set([...table.map((row) => row.code), ...raisedElsewhere])
    expect(Object.keys(refusals.en).filter((code) => !covered.has(code as RefusalCode))).toEqual([])
  })
})

describe('a refusal Payload does not recognise as its own', () => {
  // As in the production build, where the error class comes from another bundle's copy of Payload.
  const foreign = Object.assign(new Error('Only editors approve stories.'), {
    name: 'Refusal',
    data: { code: 'onlyEditorsApprove' },
    isOperational: true,
    isPublic: true,
    status: 403,
  })
  const hook = (error: Error, message: string) =>
    keepErrorData({ error, req: {} as never, context: {}, result: { errors: [{ message }] } })

  it('keeps its code beside its message', () => {
    expect(hook(foreign, foreign.message)).toEqual({
      response: { errors: [{ name: 'Refusal', data: { code: 'onlyEditorsApprove' }, message: foreign.message }] },
    })
  })

  it('adds nothing to an error whose message Payload hid', () => {
    expect(hook(Object.assign(foreign, { isPublic: false }), 'Something went wrong.')).toBeUndefined()
  })
})

describe('a refusal over GraphQL', () => {
  it.each([
    ['contributorCannotPublish', 'status: published'],
    ['onlyEditorsApprove', 'reviewStatus: approved'],
  ])('%s carries its code in extensions.data', async (code, field) => {
    const result = await graphql(
      `mutation { createStory(data: { title: "Refused", slug: "refused-gql", body: ${JSON.stringify(JSON.stringify(draft().body))}, ${field.replace('status', '_status')} }, draft: true) { id } }`,
      tokens.contributor,
    )
    const error = result.errors?.[0] as { message: string; extensions?: { data?: { code?: string } } } | undefined
    expect(error?.extensions?.data?.code).toBe(code)
    expect(error?.message).toBe(refusals.en[code as RefusalCode])
    expect(await storyCount()).toBe(0)
  })
})

describe('the consent gate', () => {
  it('names each problem with a code, in the language asked for', async () => {
    const t = { en: await adminT(payload, 'en'), ru: await adminT(payload, 'ru') }
    for (const language of ['en', 'ru'] as const) {
      const response = await rest('POST', '/api/stories', {
        token: tokens.editor,
        body: { ...draft(), body: mentioning(participantId), _status: 'published' },
        headers: { 'Accept-Language': language },
      })
      expect(response.status).toBe(400)
      const body = (await response.json()) as ErrorBody
      const problems = body.errors?.[0]?.data?.errors ?? []
      expect(problems.map((p) => p.code).sort()).toEqual(['noConsent', 'signOffMissing'])
      expect(problems.find((p) => p.code === 'noConsent')?.message).toBe(
        t[language]('voices:consent:cannotPublish', {
          name: 'Aigerim',
          problem: t[language]('voices:consent:noConsent'),
        }),
      )
      expect(problems.find((p) => p.code === 'signOffMissing')?.message).toBe(
        t[language]('voices:consent:signOffMissing'),
      )
      expect(JSON.stringify(body)).not.toContain('Legal Aigerim')
    }
    expect(await storyCount()).toBe(0)
  })
})

describe('who an image shows', () => {
  it('only safeguarding staff and admins take someone off it, over REST and GraphQL; anyone who edits the image may add someone', async () => {
    const [her, other] = await Promise.all(
      ['Shown', 'Also shown'].map((name) =>
        payload.create({ collection: 'participants', data: { publicName: name, legalName: `Legal ${name}` } }),
      ),
    )
    const data = await drawIllustration({ name: 'circle', palette: ['#fff', '#000', '#888'], motif: 'sun' })
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'Women in a circle', peopleShown: [{ relationTo: 'participants', value: her!.id }] },
      file: { data, mimetype: 'image/jpeg', name: 'circle.jpg', size: data.length },
    })
    const shown = (...people: Array<{ id: string }>) => people.map((p) => ({ relationTo: 'participants', value: p.id }))
    const tag = (token: string, people: ReturnType<typeof shown>, language: 'en' | 'ru' = 'en') =>
      rest('PATCH', `/api/media/${image.id}`, {
        token,
        body: { peopleShown: people },
        headers: { 'Accept-Language': language },
      })
    const stored = async () =>
      ((await payload.findByID({ collection: 'media', id: image.id, depth: 0 })).peopleShown ?? []).map((p) =>
        String(typeof p.value === 'object' ? p.value.id : p.value),
      )

    for (const language of ['en', 'ru'] as const) {
      for (const people of [shown(), shown(other!)]) {
        const refused = await tag(tokens.editor, people, language)
        expect(refused.status).toBe(403)
        expect(((await refused.json()) as ErrorBody).errors?.[0]).toMatchObject({
          message: refusals[language].onlySafeguardingUntagsPeople,
          data: { code: 'onlySafeguardingUntagsPeople' },
        })
      }
    }
    const overGraphql = await graphql(
      `
        mutation ($id: String!) {
          updateMedia(id: $id, data: { peopleShown: [] }) {
            id
          }
        }
      `,
      tokens.editor,
      { id: image.id },
    )
    expect(overGraphql.errors?.[0]?.message).toBe(refusals.en.onlySafeguardingUntagsPeople)
    // A bulk update judges each image it changes the same way.
    const bulk = await rest('PATCH', `/api/media?where[id][equals]=${image.id}`, {
      token: tokens.editor,
      body: { peopleShown: [] },
    })
    const bulkBody = (await bulk.json()) as { docs: unknown[]; errors?: Array<{ message: string }> }
    expect(bulkBody.docs).toEqual([])
    expect(bulkBody.errors?.[0]?.message).toBe(refusals.en.onlySafeguardingUntagsPeople)
    expect(await stored()).toEqual([her!.id])

    // Adding someone, or changing anything else, is an editor's as before.
    expect((await tag(tokens.editor, shown(her!, other!))).status).toBe(200)
    const alt = await rest('PATCH', `/api/media/${image.id}`, { token: tokens.editor, body: { alt: 'A circle' } })
    expect(alt.status).toBe(200)
    expect(await stored()).toEqual([her!.id, other!.id])

    // An admin corrects a wrong tag.
    const admin = await createStaff(payload, 'admin')
    expect((await tag(await tokenFor(payload, admin.email), shown(her!))).status).toBe(200)
    expect(await stored()).toEqual([her!.id])
  })
})

describe('a contributor’s image', () => {
  it('is hers to change while her stories using it are drafts, and an editor’s once one is submitted', async () => {
    const contributor = await createStaff(payload, 'contributor')
    const token = await tokenFor(payload, contributor.email)
    const data = await drawIllustration({ name: 'steppe', palette: ['#fff', '#000', '#888'], motif: 'sun' })
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'A blue sky over the steppe' },
      file: { data, mimetype: 'image/jpeg', name: 'steppe.jpg', size: data.length },
      req: await requestAs(payload, contributor),
      overrideAccess: false,
    })
    const story = await payload.create({
      collection: 'stories',
      data: { ...draft(), title: 'With her image', heroImage: image.id },
      draft: true,
      req: await requestAs(payload, contributor),
      overrideAccess: false,
    })
    const changeAlt = (alt: string, language: 'en' | 'ru' = 'en') =>
      rest('PATCH', `/api/media/${image.id}`, { token, body: { alt }, headers: { 'Accept-Language': language } })

    expect((await changeAlt('Still a draft: her own to fix')).status).toBe(200)
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'inReview' }, draft: true })
    for (const language of ['en', 'ru'] as const) {
      const refused = await changeAlt('Swapped after submission', language)
      expect(refused.status).toBe(403)
      const body = (await refused.json()) as ErrorBody
      expect(body.errors?.[0]).toMatchObject({
        message: refusals[language].imageUnderReview,
        data: { code: 'imageUnderReview' },
      })
    }
    expect((await payload.findByID({ collection: 'media', id: image.id })).alt).toBe('Still a draft: her own to fix')
    // Back to a plain draft (say an editor returns it), it is hers again; an editor may always change it.
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'draft' }, draft: true })
    expect((await changeAlt('Fixed after it came back')).status).toBe(200)
    await payload.update({ collection: 'stories', id: story.id, data: { reviewStatus: 'approved' }, draft: true })
    expect((await changeAlt('Not now')).status).toBe(403)
    const editorChange = await rest('PATCH', `/api/media/${image.id}`, {
      token: tokens.editor,
      body: { alt: 'An editor’s alt' },
    })
    expect(editorChange.status).toBe(200)
  })
})
