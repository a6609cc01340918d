import { type APIRequestContext, type APIResponse, expect, request as requests, test } from '@playwright/test'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {
  changesWithoutWrites,
  differences,
  readSnapshot,
  type Snapshot,
  takeSnapshot,
  writeSnapshot,
} from './db-snapshot'
import { previewSecret } from './helpers'
import { type Body, type Case, cases, type Expect } from './hostile-cases'
import { type Headers, logIn, logInAsAdminApi, runMarker } from './roles-helpers'
import { e2eBaseUrl, e2eDataDir, e2ePayloadSecret } from './settings'
import { t } from './site-helpers'

/**
 * Malformed and hostile input at every public and signed-in entry point (e2e/hostile-cases.ts:
 * REST, GraphQL, Voices' own endpoints, preview and revalidation, the beacon, the public pages
 * and forms), one test per row. Each must be answered with a clear 4xx (a 404 for a page that
 * cannot exist), never a 5xx, a stack trace, an internal path or SQL; and together they must
 * leave every table of the database exactly as it was, which the last test checks against a
 * snapshot taken before the first.
 */

let admin: Headers
let contributorHeaders: Headers
let baseline: Snapshot
const values: Record<string, string> = {}
const forms: Record<'inquiry' | 'signup', Record<string, string>> = { inquiry: {}, signup: {} }

/**
 * What the first worker sets up, kept for the run: Playwright starts a new worker (and runs
 * `beforeAll` again) after every failed test, and a baseline taken then would already contain
 * what the failed request wrote. The output folder is emptied at the start of every run.
 */
type State = { values: Record<string, string>; contributor: { email: string; password: string }; snapshot: string }

const placeholders =
  /\{(story|tag|participant|leader|contributor|storySlug|programSlug|previewSecret|revalidationToken|origin)\}/g
const fill = (text: string) => text.replace(placeholders, (_, name: string) => values[name] ?? `{${name}}`)

async function firstId(path: string): Promise<string> {
  const api = await requests.newContext({ baseURL: e2eBaseUrl })
  const response = await api.get(path, { headers: admin })
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  const id = (await response.json()).docs[0]?.id as string | undefined
  await api.dispose()
  expect(id, path).toBeTruthy()
  return id!
}

/** The hidden fields a public form's server action needs, as the page draws them for a browser without JavaScript. */
async function readForms(): Promise<void> {
  const api = await requests.newContext({ baseURL: e2eBaseUrl })
  const html = await (await api.get('/en/get-involved')).text()
  await api.dispose()
  for (const form of html.match(/<form[^>]*method="POST"[^>]*>[\s\S]*?<\/form>/g) ?? []) {
    const hidden: Record<string, string> = {}
    for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
      const name = /name="([^"]*)"/.exec(input)?.[1]
      if (name) hidden[name] = unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? '')
    }
    forms[/name="language"/.test(form) ? 'signup' : 'inquiry'] = hidden
  }
  expect(Object.keys(forms.inquiry).length, 'the inquiry form’s action fields').toBeGreaterThan(2)
  expect(Object.keys(forms.signup).length, 'the signup form’s action fields').toBeGreaterThan(2)
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

test.beforeAll(async ({}, testInfo) => {
  admin = await logInAsAdminApi()
  const file = path.join(testInfo.project.outputDir, 'hostile-input.state.json')
  if (!fs.existsSync(file)) {
    const state = await setUp()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(state))
  }
  const state = JSON.parse(fs.readFileSync(file, 'utf8')) as State
  Object.assign(values, state.values)
  contributorHeaders = await logIn(state.contributor)
  baseline = readSnapshot(state.snapshot)
  await readForms()
})

/** A contributor of this spec's own, the IDs the tables name, and the snapshot everything is compared with. */
async function setUp(): Promise<State> {
  const marker = runMarker('hostile')
  const contributor = { email: `contributor-${marker}@roles.example.org`, password: `contributor password ${marker}` }
  const api = await requests.newContext({ baseURL: e2eBaseUrl })
  const created = await api.post('/api/users', {
    headers: admin,
    data: { ...contributor, name: marker, role: 'contributor' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const contributorId = String((await created.json()).doc.id)
  await api.dispose()
  const values = {
    story: await firstId('/api/stories?limit=1&depth=0&where[_status][equals]=published&sort=createdAt'),
    tag: await firstId('/api/tags?limit=1&depth=0&where[slug][equals]=community'),
    participant: await firstId('/api/participants?limit=1&depth=0'),
    leader: await firstId('/api/leaders?limit=1&depth=0'),
    contributor: contributorId,
    storySlug: 'two-hundred-women-one-week-at-a-time',
    programSlug: 'womens-empowerment-almaty',
    previewSecret,
    revalidationToken: crypto
      .createHmac('sha256', e2ePayloadSecret)
      .update('voices:revalidate-public-site')
      .digest('hex'),
    origin: e2eBaseUrl,
  }
  // Taken once everything this spec needs exists, so only the hostile requests can change it.
  return { values, contributor, snapshot: writeSnapshot(await takeSnapshot(e2eDataDir)) }
}

// ---------------------------------------------------------------------------------------------

test('the comparison notices a write, and the suite starts from where it will end', async ({ request }) => {
  // On made-up snapshots: a changed row, an added row, a removed row, a table the rules ignore,
  // an audit entry that is not a read, and a stored file.
  const before: Snapshot = {
    tables: new Map([
      ['tags', ['{"id":"a","slug":"one"}', '{"id":"b","slug":"two"}']],
      ['users_sessions', ['{"id":1}']],
      ['audit_log', ['{"id":"x","action":"read"}']],
    ]),
    files: ['media/a.webp'],
  }
  const after: Snapshot = {
    tables: new Map([
      ['tags', ['{"id":"a","slug":"uno"}', '{"id":"c","slug":"three"}']],
      ['users_sessions', ['{"id":2}']],
      ['audit_log', ['{"id":"x","action":"read"}', '{"id":"y","action":"read"}', '{"id":"z","action":"erase"}']],
    ]),
    files: ['media/a.webp', 'media/b.webp'],
  }
  expect(differences(before, after, changesWithoutWrites)).toEqual([
    'tags: changed or removed {"id":"a","slug":"one"}',
    'tags: changed or removed {"id":"b","slug":"two"}',
    'tags: added {"id":"a","slug":"uno"}',
    'tags: added {"id":"c","slug":"three"}',
    'audit_log: added {"id":"z","action":"erase"}',
    'file added: media/b.webp',
  ])

  // On the server's own database: one write by the admin shows, and undoing it leaves no trace.
  const created = await request.post('/api/tags', {
    headers: admin,
    data: { name: 'Snapshot check', slug: 'snapshot-check' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { doc } = await created.json()
  const written = differences(baseline, await takeSnapshot(e2eDataDir), changesWithoutWrites)
  expect(written.some((line) => line.startsWith('tags: added') && line.includes(doc.id))).toBe(true)
  expect(written.some((line) => line.startsWith('tags_locales: added') && line.includes('Snapshot check'))).toBe(true)
  expect((await request.delete(`/api/tags/${doc.id}`, { headers: admin })).ok()).toBe(true)
  expect(differences(baseline, await takeSnapshot(e2eDataDir), changesWithoutWrites)).toEqual([])
})

// ---------------------------------------------------------------------------------------------

/** What must never reach a client: a stack trace, a server path, SQL or a driver's error. */
const leaks = [
  /(\n|\\n)\s+at \S+ \(?\S+:\d+:\d+\)?/,
  /node_modules|\/work\/|\.next\/server|file:\/\//,
  /SQLITE_|Failed query|drizzle|libsql/i,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError): /,
]
const sql = /\b(select|insert|update|delete)\b[^"]{0,80}\b(from|into|set)\b\s+["`]?\w+/i

function headersFor(item: Case): Record<string, string> {
  const headers: Record<string, string> = {}
  if (item.as === 'admin') Object.assign(headers, admin)
  if (item.as === 'contributor') Object.assign(headers, contributorHeaders)
  // The preview route reads the session from the admin's cookie, as a browser sends it.
  if (item.path.startsWith('/next/preview') && item.as !== 'anonymous') {
    headers.Cookie = `payload-token=${headers.Authorization!.replace(/^JWT /, '')}`
  }
  for (const [name, value] of Object.entries(item.headers ?? {})) headers[name] = fill(value)
  // Every form post is a client of its own (as a proxy's X-Forwarded-For says), so no rate limit
  // decides a row; what reaches the limit still counts towards the site-wide cap, kept small here.
  headers['X-Forwarded-For'] ??= `2001:db8:${crypto
    .randomBytes(6)
    .toString('hex')
    .replace(/(.{4})(?=.)/g, '$1:')}`
  return headers
}

function multipart(
  body: Extract<Body, { form: string }>,
): Record<string, string | { name: string; mimeType: string; buffer: Buffer }> {
  const defaults: Record<string, string> =
    body.form === 'inquiry'
      ? {
          name: 'Aigerim Test',
          email: 'aigerim.test@example.org',
          interest: 'volunteer',
          message: 'I can help on Saturdays.',
          consent: 'on',
          website: '',
        }
      : { email: 'dana.test@example.org', language: 'en', website: '' }
  const fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {
    ...forms[body.form],
    ...defaults,
  }
  for (const [name, value] of Object.entries(body.fields)) {
    fields[name] =
      typeof value === 'string' ? value : { name: value.file, mimeType: 'text/plain', buffer: Buffer.from('x') }
  }
  for (const name of body.omit ?? []) delete fields[name]
  return fields
}

async function send(item: Case, request: APIRequestContext): Promise<APIResponse> {
  // Redirects are followed (a path under an unknown locale goes to English first), except where
  // the redirect itself is what is judged.
  const maxRedirects = item.expect.kind === 'redirect' ? 0 : 5
  const options = { headers: headersFor(item), maxRedirects, failOnStatusCode: false, timeout: 30_000 }
  const url = fill(item.path)
  const method = item.method ?? 'GET'
  const body = item.body
  if (!body) return request.fetch(url, { ...options, method })
  if ('form' in body) return request.fetch(url, { ...options, method, multipart: multipart(body) })
  if ('json' in body) {
    return request.fetch(url, {
      ...options,
      method,
      headers: { ...options.headers, 'Content-Type': 'application/json' },
      data: Buffer.from(fill(JSON.stringify(body.json))),
    })
  }
  const raw = typeof body.raw === 'string' ? Buffer.from(fill(body.raw)) : body.raw
  return request.fetch(url, {
    ...options,
    method,
    headers: { ...options.headers, 'Content-Type': body.type },
    data: raw,
  })
}

type ErrorEntry = {
  message?: unknown
  data?: { code?: string; errors?: Array<{ code?: string }> }
  extensions?: { statusCode?: number; data?: { code?: string } }
}

/** The stable code of a refusal: the error's own, or its first refused field's. */
const codeOf = (entry: ErrorEntry | undefined) =>
  entry?.data?.code ?? entry?.data?.errors?.[0]?.code ?? entry?.extensions?.data?.code

async function judge(item: Case, response: APIResponse): Promise<void> {
  const status = response.status()
  const text = await response.text()
  const where = `${item.name}: ${status} ${text.slice(0, 400)}`
  expect(status, where).toBeLessThan(500)
  for (const leak of leaks) expect(text, `${where}\nleaks ${leak}`).not.toMatch(leak)
  const expected: Expect = item.expect
  const isHtml = (response.headers()['content-type'] ?? '').includes('text/html')
  if (!isHtml) expect(text, `${where}\nleaks SQL`).not.toMatch(sql)

  switch (expected.kind) {
    case 'api': {
      expect(status, where).toBeGreaterThanOrEqual(400)
      if (expected.status) expect(status, where).toBe(expected.status)
      const body = JSON.parse(text) as { errors?: ErrorEntry[]; error?: unknown; message?: unknown }
      const message = body.errors?.[0]?.message ?? body.error ?? body.message
      expect(
        typeof message === 'string' && message.length > 0 && message.length <= 300,
        `${where}\na short message`,
      ).toBe(true)
      if (expected.code) expect(codeOf(body.errors?.[0]), where).toBe(expected.code)
      return
    }
    case 'graphql': {
      const body = JSON.parse(text) as { errors?: ErrorEntry[]; data?: Record<string, unknown> | null }
      expect(body.errors?.length, `${where}\nerrors`).toBeGreaterThan(0)
      for (const error of body.errors ?? []) {
        expect(typeof error.message === 'string' && error.message.length <= 300, `${where}\na short message`).toBe(true)
        const code = error.extensions?.statusCode
        if (code !== undefined) expect(code, where).toBeLessThan(500)
      }
      // A 200 carries errors only: no field of data was answered.
      if (status < 400) for (const value of Object.values(body.data ?? {})) expect(value, where).toBeNull()
      if (expected.code) expect(codeOf(body.errors?.[0]), where).toBe(expected.code)
      return
    }
    case 'page': {
      if (expected.ok) expect([200, 404], where).toContain(status)
      else expect(status, where).toBe(404)
      // Whatever was sent, the page never shows it back as markup.
      expect(text, where).not.toContain('<script>alert(1)</script>')
      return
    }
    case 'status':
      if (expected.status) expect(status, where).toBe(expected.status)
      else expect(status, where).toBeGreaterThanOrEqual(400)
      expect(text.length, `${where}\na short answer`).toBeLessThanOrEqual(2000)
      return
    case 'redirect': {
      expect([302, 303, 307, 308], where).toContain(status)
      const location = response.headers().location ?? ''
      expect(location.replace(e2eBaseUrl, ''), where).toMatch(new RegExp(`^${expected.to.replace(/[?.]/g, '\\$&')}`))
      expect(location, `${where}\nno header injected`).not.toMatch(/[\r\n]/)
      expect(response.headers()['set-cookie'] ?? '', where).not.toContain('x=1')
      return
    }
    case 'form': {
      // A browser without JavaScript gets the form back, with the refusal in its language.
      expect(status, where).toBe(200)
      const messages = t('en').formErrors as Record<string, unknown>
      const message = messages[expected.message]
      const wanted = typeof message === 'function' ? String(message(10)).split('10')[0]! : String(message)
      expect(unescapeHtml(text), where).toContain(wanted)
      return
    }
  }
}

test.describe('hostile input is refused', () => {
  for (const item of cases) {
    test(item.name, async ({ request }) => {
      await judge(item, await send(item, request))
    })
  }
})

// ---------------------------------------------------------------------------------------------

test('stored data is exactly as it was before the first hostile request', async ({ request }) => {
  expect(differences(baseline, await takeSnapshot(e2eDataDir), changesWithoutWrites)).toEqual([])
  // Then the spec's own contributor goes.
  expect((await request.delete(`/api/users/${values.contributor}`, { headers: admin })).ok()).toBe(true)
})

test('there are at least 200 distinct cases', () => {
  expect(new Set(cases.map((item) => item.name)).size).toBe(cases.length)
  expect(cases.length).toBeGreaterThanOrEqual(200)
})
