import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { queryProblem } from '@/lib/api/queryParams'
import { refusals, type RefusalCode } from '@/lib/i18n/admin/refusals'

import { createStory } from '../helpers/content'
import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Malformed requests to Payload's REST and GraphQL routes are refused with a 4xx, a stable code
 * and a message in the client's language, and store nothing: the screen before Payload
 * (lib/api/screenRequest.ts), the check of query arguments (lib/payload/queryArgs.ts) and of the
 * kind of each value written (lib/payload/strictValues.ts). The e2e suite e2e/hostile-input.spec.ts
 * throws far more at the running server; this proves each code and its words.
 */
let payload: Payload
let token = ''
let tagId = ''
let storyId = ''
const missingId = '00000000-0000-4000-8000-000000000000'

type Row = {
  code: RefusalCode
  status: number
  vars?: Record<string, string>
  /** Where the message is: the error itself, or its first field (a refused value). */
  onField?: boolean
  send: (language: 'en' | 'ru') => Promise<Response>
}

const json = (language: string) => ({ 'Content-Type': 'application/json', 'Accept-Language': language })
const asAdmin = (language: string) => ({ token, headers: { 'Accept-Language': language } })

const table: Row[] = [
  // Three requests a signed-in writer once turned into a 500.
  {
    code: 'unsupportedBody',
    status: 415,
    send: (l) =>
      rest('POST', '/api/stories?draft=true', {
        token,
        raw: 'title=A+form',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': l },
      }),
  },
  {
    code: 'malformedQuery',
    status: 400,
    vars: { param: 'locale' },
    send: (l) => rest('POST', `/api/stories/${storyId}/duplicate?locale=all`, { ...asAdmin(l), body: {} }),
  },
  {
    code: 'malformedQuery',
    status: 400,
    vars: { param: 'where' },
    send: (l) => rest('GET', '/api/media?where[peopleShown][exists]=true', asAdmin(l)),
  },
  {
    // Voices keeps no upload prefixes; Payload would filter the file by a field that is not there.
    code: 'malformedQuery',
    status: 400,
    vars: { param: 'prefix' },
    send: (l) => rest('GET', '/api/media/file/a-photo.webp?prefix=media', { headers: { 'Accept-Language': l } }),
  },
  {
    code: 'bodyTooLarge',
    status: 413,
    vars: { limit: '2 MB' },
    send: (l) => rest('POST', '/api/tags', { token, raw: `{"name":"${'a'.repeat(3_000_000)}"}`, headers: json(l) }),
  },
  {
    code: 'bodyNotJson',
    status: 400,
    send: (l) => rest('POST', '/api/tags', { token, raw: '{"name":', headers: json(l) }),
  },
  {
    code: 'bodyNotObject',
    status: 400,
    send: (l) => rest('POST', '/api/tags', { token, raw: '"a tag"', headers: json(l) }),
  },
  {
    code: 'bodyTooDeep',
    status: 400,
    vars: { depth: '100' },
    send: (l) =>
      rest('POST', '/api/tags', { token, raw: `{"name":${'['.repeat(500)}${']'.repeat(500)}}`, headers: json(l) }),
  },
  {
    code: 'prototypeKey',
    status: 400,
    vars: { key: '__proto__' },
    send: (l) =>
      rest('PATCH', `/api/tags/${tagId}`, {
        token,
        raw: '{"name":"x","__proto__":{"isAdmin":true}}',
        headers: json(l),
      }),
  },
  {
    code: 'unsupportedBody',
    status: 415,
    send: (l) =>
      rest('POST', '/api/tags', {
        token,
        raw: 'name=x',
        headers: { 'Content-Type': 'text/plain', 'Accept-Language': l },
      }),
  },
  {
    code: 'malformedForm',
    status: 400,
    send: (l) =>
      rest('POST', '/api/media', {
        token,
        raw: '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":\r\n--b--\r\n',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Accept-Language': l },
      }),
  },
  // Control characters in a part's header: Payload's form reader answered 500, before access.
  ...[
    ['a file name with U+0001', 'name="file"; filename="x\u0001.gif"', null],
    ['a file name with a raw NUL', 'name="file"; filename="x\u0000.gif"', null],
    ['a file name with DEL', 'name="file"; filename="x\u007f.gif"', null],
    ['a part name with U+0001', 'name="fi\u0001le"; filename="x.gif"', null],
    ['a file name with U+0001, signed in', 'name="file"; filename="x\u0001.gif"', 'token'],
  ].map(([, disposition, signedIn]): Row => ({
    code: 'malformedForm',
    status: 400,
    send: (l) =>
      rest('POST', '/api/media', {
        token: signedIn ? token : undefined,
        raw: [
          '--b',
          `Content-Disposition: form-data; ${disposition}`,
          'Content-Type: image/gif',
          '',
          'GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;',
          '--b',
          'Content-Disposition: form-data; name="_payload"',
          '',
          '{"alt":"n"}',
          '--b--',
          '',
        ].join('\r\n'),
        headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Accept-Language': l },
      }),
  })),
  {
    code: 'unknownLocale',
    status: 400,
    vars: { param: 'locale', allowed: 'en, ru, kk, all' },
    send: (l) => rest('GET', '/api/stories?locale=../../etc/passwd', { headers: { 'Accept-Language': l } }),
  },
  {
    code: 'malformedQuery',
    status: 400,
    vars: { param: 'where' },
    send: (l) => rest('GET', '/api/stories?where[title][equals][$gt]=', { headers: { 'Accept-Language': l } }),
  },
  {
    code: 'notText',
    status: 400,
    onField: true,
    vars: { field: 'name' },
    send: (l) => rest('PATCH', `/api/tags/${tagId}`, { ...asAdmin(l), body: { name: { $ne: null } } }),
  },
  {
    code: 'notADate',
    status: 400,
    onField: true,
    vars: { field: 'createdAt' },
    send: (l) => rest('PATCH', `/api/tags/${tagId}`, { ...asAdmin(l), body: { createdAt: 'not a date' } }),
  },
  {
    code: 'notANumber',
    status: 400,
    onField: true,
    vars: { field: 'currencies.0.suggestedAmounts' },
    send: (l) =>
      rest('POST', '/api/globals/get-involved?locale=en', {
        ...asAdmin(l),
        body: { currencies: [{ currency: 'USD', suggestedAmounts: [{ $gt: 0 }] }] },
      }),
  },
  {
    code: 'notABoolean',
    status: 400,
    onField: true,
    vars: { field: 'generateSlug' },
    send: (l) => rest('PATCH', `/api/tags/${tagId}`, { ...asAdmin(l), body: { generateSlug: { $ne: false } } }),
  },
  {
    code: 'notAnOption',
    status: 400,
    onField: true,
    vars: { field: 'reviewStatus' },
    // A draft: Payload validates nothing in a draft, so this reached the database unchecked.
    send: (l) =>
      rest('PATCH', `/api/stories/${storyId}?draft=true&locale=en`, {
        ...asAdmin(l),
        body: { reviewStatus: 'hacked' },
      }),
  },
  {
    code: 'noSuchDocument',
    status: 400,
    onField: true,
    vars: { field: 'tags' },
    send: (l) =>
      rest('PATCH', `/api/stories/${storyId}?draft=true&locale=en`, { ...asAdmin(l), body: { tags: [missingId] } }),
  },
]

type ErrorBody = {
  errors?: Array<{ message: string; data?: { code?: string; errors?: Array<{ code?: string; message: string }> } }>
}

function expected(code: RefusalCode, language: 'en' | 'ru', vars: Record<string, string> = {}) {
  return refusals[language][code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '')
}

/** Everything a refused write could have touched, as stored. */
async function stored() {
  const tag = await payload.findByID({ collection: 'tags', id: tagId, locale: 'all', depth: 0 })
  const versions = await payload.countVersions({ collection: 'stories', where: { parent: { equals: storyId } } })
  const tags = await payload.count({ collection: 'tags' })
  const media = await payload.count({ collection: 'media' })
  const settings = await payload.findGlobal({ slug: 'get-involved', locale: 'all', depth: 0 })
  return { tag, versions, tags, media, settings }
}

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
  tagId = String((await payload.create({ collection: 'tags', data: { name: 'Community', slug: 'community' } })).id)
  storyId = String((await createStory(payload, { title: 'Kept as it is' })).id)
})

afterAll(() => stopPayload(payload))

describe('a malformed request over REST', () => {
  it.each(table)('$code: status, code and message in English and Russian, nothing stored', async (row) => {
    const before = await stored()
    for (const language of ['en', 'ru'] as const) {
      const response = await row.send(language)
      const body = (await response.json()) as ErrorBody
      expect(response.status).toBe(row.status)
      const error = body.errors?.[0]
      const field = error?.data?.errors?.[0]
      expect(row.onField ? field?.code : error?.data?.code).toBe(row.code)
      expect((row.onField ? field : error)?.message).toBe(expected(row.code, language, row.vars))
    }
    expect(await stored()).toEqual(before)
  })

  it('leaves well-formed requests alone', async () => {
    const response = await rest(
      'GET',
      '/api/stories?locale=en&fallback-locale=null&where[title][like]=Kept&sort=-createdAt&depth=0&limit=5&page=1&select[title]=true',
    )
    expect(response.status).toBe(200)
    expect((await response.json()).docs).toHaveLength(1)
    const written = await rest('PATCH', `/api/tags/${tagId}?locale=ru`, { token, body: { name: 'Сообщество' } })
    expect(written.status).toBe(200)
  })
})

describe('a malformed request over GraphQL', () => {
  it('an unknown locale in the body is refused with the code where GraphQL clients look', async () => {
    const result = (await graphql('{ Stories { docs { title } } }', null, undefined, {
      locale: '../../etc/passwd',
    })) as {
      errors?: Array<{ extensions?: { data?: { code?: string }; statusCode?: number } }>
    }
    expect(result.errors?.[0]?.extensions).toEqual({ data: { code: 'unknownLocale' }, statusCode: 400 })
  })

  it('a negative page is refused rather than reaching the database', async () => {
    const result = await graphql('{ Stories(page: -1) { docs { title } } }')
    expect(result.errors?.[0]?.message).toBe(expected('malformedQuery', 'en', { param: 'page' }))
  })
})

describe('the query strings the screen lets through', () => {
  // What the admin and the site send, and what Payload documents.
  const wellFormed = [
    'where[or][0][and][0][title][like]=abc',
    'where[id][not_in][0]=x',
    'where[id][in]=a,b',
    'where[version._status][equals]=draft',
    'where[document.relationTo][equals]=stories',
    'where={"title":{"equals":"x"}}',
    'sort=-updatedAt',
    'sort=title,-createdAt',
    'sort[0]=title',
    'select[title]=true',
    'select[version][_status]=true',
    'populate[media][alt]=true',
    'depth=0&limit=0&page=1&draft=true&trash=false&pagination=false&joins=false',
    'locale=ru&fallback-locale=null',
    'locale=all',
    'token=..%2F&q=anything',
  ]
  const malformed = [
    'where[id][$ne]=x',
    'where[id][equals][$gt]=',
    'where={"id":',
    'where[__proto__][x]=1',
    'where[id;DROP TABLE users][equals]=1',
    'where[or][0][$where]=1',
    'sort[$gt]=1',
    'sort=id;DROP TABLE users',
    'sort=__proto__',
    'select=password',
    'select[$where]=1',
    'populate=users',
    'populate[users][$where]=1',
    'depth=-1',
    'depth[$gt]=1',
    'depth=1e309',
    'limit=-5',
    'page=0',
    'page=NaN',
    'locale=xx',
    'locale[$ne]=en',
    'fallbackLocale=../..',
    'constructor[prototype][x]=1',
  ]
  it.each(wellFormed)('%s passes', (query) => expect(queryProblem(new URLSearchParams(query))).toBeNull())
  it.each(malformed)('%s is refused', (query) => expect(queryProblem(new URLSearchParams(query))).not.toBeNull())
})
