/**
 * The declared tables of e2e/hostile-input.spec.ts: every public and signed-in entry point of
 * Voices, crossed with the malformed and hostile input that suits it. Each row becomes one test,
 * named by endpoint, payload kind and who sends it.
 *
 * Paths carry placeholders the spec fills in once the server is up: {story} {tag} {participant}
 * {leader} {contributor} (IDs), {storySlug} {programSlug} (a published story and the program),
 * {previewSecret}. Nothing here may succeed: a row that would change stored data if Voices let
 * it through is exactly what the suite is for, and the final snapshot catches it.
 */

export type Who = 'anonymous' | 'contributor' | 'admin'
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export type Body =
  | { json: unknown }
  | { raw: string | Buffer; type: string }
  /** A public form's server action, posted as the page's own form does without JavaScript. */
  | { form: 'inquiry' | 'signup'; fields: Record<string, string | { file: string }>; omit?: string[] }

export type Expect =
  /** A 4xx with a short JSON message (Payload's `errors[0].message`, or a route's `error`); `code` when Voices refuses on purpose. */
  | { kind: 'api'; status?: number; code?: string }
  /** GraphQL: a 4xx, or errors only, each a 4xx in `extensions.statusCode` (GraphQL answers 200 with errors). */
  | { kind: 'graphql'; code?: string }
  /** A public page: 404 (or, with `ok`, the page drawn as if the junk were not there), never a 5xx or the junk echoed. */
  | { kind: 'page'; ok?: boolean }
  /** A route's own short answer: this status, or any 4xx. */
  | { kind: 'status'; status?: number }
  /** A redirect to a path of this site starting so (the gift's answer, leaving preview). */
  | { kind: 'redirect'; to: string }
  /** A public form drawn again with this message (a key of `formErrors`), nothing stored. */
  | { kind: 'form'; message: string }

export type Case = {
  name: string
  as: Who
  method?: Method
  path: string
  body?: Body
  headers?: Record<string, string>
  expect: Expect
}

const api = (code?: string, status?: number): Expect => ({ kind: 'api', code, status })

// ---------------------------------------------------------------------------------------------
// Query strings: operator injection in where, sort, select, populate, depth, limit, page, locale.

/** `listsOnly`: a parameter only lists read (a single document or a global has no order). */
type QueryKind = { kind: string; query: string; code: string; listsOnly?: boolean }

const queryKinds: QueryKind[] = [
  { kind: 'where with an operator Payload lacks ($ne)', query: 'where[id][$ne]=x', code: 'malformedQuery' },
  { kind: 'where with an object for a value', query: 'where[id][equals][$gt]=', code: 'malformedQuery' },
  { kind: 'where as broken JSON', query: 'where={"id":', code: 'malformedQuery' },
  { kind: 'where reaching the prototype', query: 'where[__proto__][polluted]=1', code: 'malformedQuery' },
  { kind: 'where with SQL in the field name', query: 'where[id;DROP TABLE users][equals]=1', code: 'malformedQuery' },
  { kind: 'where nesting an operator in or', query: 'where[or][0][$where]=1', code: 'malformedQuery' },
  { kind: 'sort as an object', query: 'sort[$gt]=1', code: 'malformedQuery' },
  { kind: 'sort with SQL', query: 'sort=id;DROP TABLE users', code: 'malformedQuery' },
  { kind: 'sort by the prototype', query: 'sort=__proto__', code: 'malformedQuery' },
  { kind: 'select as one string', query: 'select=password', code: 'malformedQuery' },
  { kind: 'select with an operator', query: 'select[$where]=1', code: 'malformedQuery' },
  { kind: 'populate with an operator', query: 'populate[users][$where]=1', code: 'malformedQuery' },
  { kind: 'populate as one string', query: 'populate=users', code: 'malformedQuery' },
  { kind: 'sort by a field there is not', query: 'sort=-nosuchfield', code: 'malformedQuery', listsOnly: true },
  { kind: 'sort into a text field', query: 'sort=title.inside', code: 'malformedQuery', listsOnly: true },
  { kind: 'select of a field there is not', query: 'select[nosuchfield]=true', code: 'malformedQuery' },
  { kind: 'populate of a collection there is not', query: 'populate[nosuch][alt]=true', code: 'malformedQuery' },
  { kind: 'populate of a field there is not', query: 'populate[media][nosuchfield]=true', code: 'malformedQuery' },
  {
    kind: 'where comparing a date with no date',
    query: 'where[createdAt][greater_than]=notadate',
    code: 'malformedQuery',
    listsOnly: true,
  },
  {
    kind: 'where comparing a date with an impossible one',
    query: 'where[updatedAt][equals]=2020-13-45',
    code: 'malformedQuery',
    listsOnly: true,
  },
  {
    kind: 'where near on a field that is no point',
    query: 'where[createdAt][near]=1,2',
    code: 'malformedQuery',
    listsOnly: true,
  },
  { kind: 'depth negative', query: 'depth=-1', code: 'malformedQuery' },
  { kind: 'depth as an operator', query: 'depth[$gt]=1', code: 'malformedQuery' },
  { kind: 'depth infinite', query: 'depth=1e309', code: 'malformedQuery' },
  { kind: 'limit negative', query: 'limit=-5', code: 'malformedQuery' },
  { kind: 'page infinite', query: 'page=1e309', code: 'malformedQuery' },
  { kind: 'page not a number', query: 'page=NaN', code: 'malformedQuery' },
  { kind: 'locale path traversal', query: 'locale=../../etc/passwd', code: 'unknownLocale' },
  { kind: 'locale as an operator', query: 'locale[$ne]=en', code: 'unknownLocale' },
  { kind: 'locale with NUL', query: 'locale=en%00', code: 'unknownLocale' },
  { kind: 'locale with an RTL override', query: 'locale=%E2%80%AEne', code: 'unknownLocale' },
  { kind: 'locale as overlong UTF-8', query: 'locale=%C0%AE%C0%AE', code: 'unknownLocale' },
  { kind: 'fallback-locale unknown', query: 'fallback-locale=xx', code: 'unknownLocale' },
  { kind: 'fallbackLocale path traversal', query: 'fallbackLocale=../..', code: 'unknownLocale' },
]

/** Every query kind on the reads anyone may try, the admin's version history and a global. */
const fullyProbedReads: Array<{ path: string; as: Who }> = [
  { path: '/api/stories', as: 'anonymous' },
  { path: '/api/stories/{story}', as: 'anonymous' },
  { path: '/api/globals/site-settings', as: 'anonymous' },
  { path: '/api/stories/versions', as: 'admin' },
]

/** A few kinds on every other collection, public or closed. */
const otherReads = [
  '/api/programs',
  '/api/tags',
  '/api/leaders',
  '/api/media',
  '/api/redirects',
  '/api/participants',
  '/api/consent-evidence',
  '/api/users',
  '/api/inquiries',
  '/api/subscribers',
  '/api/audit-log',
  '/api/story-stats',
  '/api/payload-jobs',
  '/api/globals/navigation',
  '/api/globals/get-involved',
]
const someQueryKinds = [
  'where with an object for a value',
  'sort with SQL',
  'depth infinite',
  'locale path traversal',
  'select as one string',
  'select of a field there is not',
]

const isList = (path: string) => !path.includes('{') && !path.startsWith('/api/globals/')

/** A long address, as a test's name. */
const shortened = (path: string) => (path.length > 100 ? `${path.slice(0, 80)}… (${path.length} characters)` : path)

const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`

const queryCases: Case[] = [
  ...fullyProbedReads.flatMap(({ path, as }) =>
    queryKinds
      .filter((q) => !q.listsOnly || isList(path))
      .map((q) => ({
        name: `GET ${path} · ${q.kind}`,
        as,
        path: join(path, q.query),
        expect: api(q.code, 400),
      })),
  ),
  ...otherReads.flatMap((path) =>
    queryKinds
      .filter((q) => someQueryKinds.includes(q.kind))
      .map((q) => ({
        name: `GET ${path} · ${q.kind}`,
        as: 'anonymous' as Who,
        path: join(path, q.query),
        expect: api(q.code, 400),
      })),
  ),
  // Comparisons the database cannot make, through a relationship and on other collections.
  ...[
    '/api/stories?where[publishedAt][less_than_equal]=soon',
    '/api/stories?where[program.createdAt][less_than]=zz',
    '/api/stories?where[title][near]=1,2',
    '/api/tags?where[name][near]=1,2,3',
    '/api/tags?where[createdAt][greater_than]=abc',
    '/api/programs?where[or][0][updatedAt][not_equals]=%20',
    '/api/stories?where[slug][all]=a',
    '/api/stories?where[tags][all][0]=x',
    '/api/stories?where[or][0][publishedAt][all]=2024-01-01',
    '/api/tags?where[id][all]=a',
    '/api/stories?where[id][near]=1,2',
    `/api/stories?where[title][like]=${Array.from({ length: 101 }, () => 'a').join('+')}`,
    `/api/stories?where[slug][in]=${Array.from({ length: 1001 }, (_, i) => i).join(',')}`,
    `/api/stories?${Array.from({ length: 101 }, (_, i) => `where[or][${i}][slug][equals]=x${i}`).join('&')}`,
  ].map((path) => ({
    name: `GET ${shortened(path)}`,
    as: 'anonymous' as Who,
    path,
    expect: api('malformedQuery', 400),
  })),
  // Stored rich text holds the IDs a visitor's copy has blanked: no filter or order on it.
  ...[
    '/api/stories?where[body][like]=participants',
    '/api/stories?where[body.root.children][contains]=a7',
    '/api/stories?where[or][0][body][exists]=true',
    '/api/stories?sort=-body',
    '/api/programs?where[description][like]=a',
    '/api/stories/versions?where[version.body][like]=a',
  ].map((path) => ({ name: `GET ${path}`, as: 'anonymous' as Who, path, expect: api('fieldNotFilterable', 400) })),
  // Reads sent as POST (Payload's method override) carry their query in the body.
  {
    name: 'POST /api/tags as GET · where as broken JSON in a form body',
    as: 'anonymous',
    method: 'POST',
    path: '/api/tags',
    headers: { 'X-HTTP-Method-Override': 'GET' },
    body: { raw: 'where=abc', type: 'application/x-www-form-urlencoded' },
    expect: api('malformedQuery', 400),
  },
  {
    name: 'POST /api/tags as GET · locale path traversal in a JSON body',
    as: 'anonymous',
    method: 'POST',
    path: '/api/tags',
    headers: { 'X-HTTP-Method-Override': 'GET' },
    body: { json: { locale: '../../etc/passwd' } },
    expect: api('unknownLocale', 400),
  },
  {
    name: 'POST /api/tags as GET · broken JSON',
    as: 'anonymous',
    method: 'POST',
    path: '/api/tags',
    headers: { 'X-HTTP-Method-Override': 'GET' },
    body: { raw: '{"where":', type: 'application/json' },
    expect: api('bodyNotJson', 400),
  },
  // Bulk writes aimed by an injected where: refused before anything is matched.
  {
    name: 'PATCH /api/tags · where with an operator Payload lacks · admin',
    as: 'admin',
    method: 'PATCH',
    path: '/api/tags?where[id][$ne]=x',
    body: { json: { name: 'Everything renamed' } },
    expect: api('malformedQuery', 400),
  },
  {
    name: 'DELETE /api/tags · where with a regular expression operator · admin',
    as: 'admin',
    method: 'DELETE',
    path: '/api/tags?where[slug][$regex]=.*',
    expect: api('malformedQuery', 400),
  },
  {
    name: 'DELETE /api/stories · where with an object for a value · admin',
    as: 'admin',
    method: 'DELETE',
    path: '/api/stories?where[id][not_equals][$ne]=x',
    expect: api('malformedQuery', 400),
  },
  {
    name: 'PATCH /api/stories · where nesting an operator in or · contributor',
    as: 'contributor',
    method: 'PATCH',
    path: '/api/stories?draft=true&where[or][0][$where]=1',
    body: { json: { title: 'Everything renamed' } },
    expect: api('malformedQuery', 400),
  },
]

// ---------------------------------------------------------------------------------------------
// Bodies that are not what they claim: broken JSON, wrong shapes, huge, deep, other types.

const deep = `{"a":${'['.repeat(200)}${']'.repeat(200)}}`
const huge = `{"name":"${'a'.repeat(5 * 1024 * 1024)}"}`
const overlongInString = Buffer.concat([
  Buffer.from('{"name":"'),
  Buffer.from([0xc0, 0xae, 0xc0, 0xae]),
  Buffer.from('"}'),
])
const formWithoutBoundary = '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n--b--\r\n'
const formWithBrokenPayload = '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":\r\n--b--\r\n'
/** A file part whose name holds a control character, as a script can send and no browser does. */
const formWithControlInFileName = (control: string) =>
  `--b\r\nContent-Disposition: form-data; name="file"; filename="x${control}.gif"\r\nContent-Type: image/gif\r\n\r\nGIF89a;\r\n--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"n"}\r\n--b--\r\n`

type BodyKind = { kind: string; body: Body; code: string; status: number }

const bodyKinds: BodyKind[] = [
  { kind: 'truncated JSON', body: { raw: '{"name":', type: 'application/json' }, code: 'bodyNotJson', status: 400 },
  {
    kind: 'JSON with trailing garbage',
    body: { raw: '{"a":1} x', type: 'application/json' },
    code: 'bodyNotJson',
    status: 400,
  },
  {
    kind: 'JSON in single quotes',
    body: { raw: "{'a':1}", type: 'application/json' },
    code: 'bodyNotJson',
    status: 400,
  },
  { kind: 'JSON array', body: { raw: '[{"name":"x"}]', type: 'application/json' }, code: 'bodyNotObject', status: 400 },
  { kind: 'JSON string', body: { raw: '"x"', type: 'application/json' }, code: 'bodyNotObject', status: 400 },
  { kind: 'JSON null', body: { raw: 'null', type: 'application/json' }, code: 'bodyNotObject', status: 400 },
  { kind: 'JSON nested 200 deep', body: { raw: deep, type: 'application/json' }, code: 'bodyTooDeep', status: 400 },
  { kind: 'a 5 MB body', body: { raw: huge, type: 'application/json' }, code: 'bodyTooLarge', status: 413 },
  {
    kind: 'overlong UTF-8 in JSON',
    body: { raw: overlongInString, type: 'application/json' },
    code: 'bodyNotJson',
    status: 400,
  },
  {
    kind: 'JSON naming __proto__',
    body: { raw: '{"__proto__":{"role":"admin"}}', type: 'application/json' },
    code: 'prototypeKey',
    status: 400,
  },
  {
    kind: 'JSON naming constructor.prototype',
    body: { raw: '{"constructor":{"prototype":{"role":"admin"}}}', type: 'application/json' },
    code: 'prototypeKey',
    status: 400,
  },
  { kind: 'plain text', body: { raw: 'name=x', type: 'text/plain' }, code: 'unsupportedBody', status: 415 },
  {
    kind: 'XML',
    body: { raw: '<tag><name>x</name></tag>', type: 'application/xml' },
    code: 'unsupportedBody',
    status: 415,
  },
  {
    kind: 'a form without a boundary',
    body: { raw: formWithoutBoundary, type: 'multipart/form-data' },
    code: 'malformedForm',
    status: 400,
  },
  {
    kind: 'a form whose _payload is broken JSON',
    body: { raw: formWithBrokenPayload, type: 'multipart/form-data; boundary=b' },
    code: 'malformedForm',
    status: 400,
  },
  ...[
    ['U+0001', '\u0001'],
    ['a NUL', '\u0000'],
  ].map(([what, control]) => ({
    kind: `a form with ${what} in a file name`,
    body: { raw: formWithControlInFileName(control!), type: 'multipart/form-data; boundary=b' },
    code: 'malformedForm',
    status: 400,
  })),
]

const bodyTargets: Array<{ method: Method; path: string; as: Who }> = [
  { method: 'POST', path: '/api/tags', as: 'admin' },
  { method: 'POST', path: '/api/media', as: 'anonymous' },
  { method: 'PATCH', path: '/api/stories/{story}?draft=true&locale=en', as: 'admin' },
  { method: 'POST', path: '/api/globals/site-settings?locale=en', as: 'admin' },
  { method: 'PATCH', path: '/api/users/{contributor}', as: 'contributor' },
  { method: 'POST', path: '/api/users/login', as: 'anonymous' },
  { method: 'POST', path: '/api/stories/{story}/sign-off', as: 'admin' },
  { method: 'POST', path: '/api/participants/{participant}/erase', as: 'admin' },
  { method: 'POST', path: '/api/subscribers/unsubscribe?token=x', as: 'anonymous' },
  { method: 'POST', path: '/api/graphql', as: 'anonymous' },
]

const bodyCases: Case[] = bodyTargets.flatMap(({ method, path, as }) =>
  bodyKinds.map((b) => ({
    name: `${method} ${path.split('?')[0]} · ${b.kind} · ${as}`,
    as,
    method,
    path,
    body: b.body,
    expect: path === '/api/graphql' ? { kind: 'graphql' as const, code: b.code } : api(b.code, b.status),
  })),
)

// ---------------------------------------------------------------------------------------------
// Values of the wrong kind: objects and lists where text belongs, dates that are none, options
// that do not exist, relationships to nothing, hidden characters.

const missing = '00000000-0000-4000-8000-000000000000'

type ValueCase = {
  as: Who
  method: Method
  path: string
  field: string
  value: unknown
  code: string
  /** 400 unless the refusal is about who sends it. */
  status?: number
}

const valueRows: ValueCase[] = [
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: { $ne: null }, code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: ['a', 'b'], code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: 123, code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: true, code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: 'Com\u0000munity', code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'name', value: '\u202eytinummoC', code: 'notText' },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/tags/{tag}',
    field: 'name',
    value: 'Half \ud800 a letter',
    code: 'notText',
  },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'slug', value: 'com\u0000munity', code: 'notText' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'createdAt', value: 'not a date', code: 'notADate' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'createdAt', value: { $gt: '' }, code: 'notADate' },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'createdAt', value: '2026-99-99', code: 'notADate' },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/tags/{tag}',
    field: 'generateSlug',
    value: { $ne: false },
    code: 'notABoolean',
  },
  { as: 'admin', method: 'PATCH', path: '/api/tags/{tag}', field: 'generateSlug', value: 'yes', code: 'notABoolean' },
  { as: 'admin', method: 'POST', path: '/api/tags', field: 'name', value: { $gt: '' }, code: 'notText' },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'title',
    value: { $ne: null },
    code: 'notText',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'reviewStatus',
    value: 'hacked',
    code: 'notAnOption',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'reviewStatus',
    value: { $in: ['approved'] },
    code: 'notAnOption',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'tags',
    value: [missing],
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'tags',
    value: ['../../etc/passwd'],
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'tags',
    value: [{ $ne: null }],
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'heroImage',
    value: { $ne: null },
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'program',
    value: 'not-an-id',
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'publishedAt',
    value: '2026-99-99',
    code: 'notADate',
  },
  {
    as: 'admin',
    method: 'PATCH',
    path: '/api/stories/{story}?draft=true&locale=en',
    field: 'slug',
    value: 'a\u0000b',
    code: 'notText',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/globals/site-settings?locale=en',
    field: 'tagline',
    value: { $ne: 1 },
    code: 'notText',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/globals/site-settings?locale=en',
    field: 'contactEmail',
    value: ['a@example.org'],
    code: 'notText',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/globals/site-settings?locale=en',
    field: 'shareImage',
    value: missing,
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/globals/get-involved?locale=en',
    field: 'currencies',
    value: [{ currency: '../', suggestedAmounts: [5] }],
    code: 'notAnOption',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/globals/get-involved?locale=en',
    field: 'currencies',
    value: [{ currency: 'USD', suggestedAmounts: [{ $gt: 0 }] }],
    code: 'notANumber',
  },
  {
    as: 'contributor',
    method: 'POST',
    path: '/api/stories?draft=true&locale=en',
    field: 'featuredLeaders',
    value: [{ $ne: null }],
    code: 'noSuchDocument',
  },
  {
    as: 'admin',
    method: 'POST',
    path: '/api/stories?draft=true&locale=en',
    field: 'author',
    value: { $ne: null },
    code: 'noSuchDocument',
  },
  {
    as: 'contributor',
    method: 'POST',
    path: '/api/stories?draft=true&locale=en',
    field: 'author',
    value: { $ne: null },
    // A contributor names nobody but herself as author: that is refused first.
    code: 'fieldNotWritable',
    status: 403,
  },
  {
    as: 'contributor',
    method: 'PATCH',
    path: '/api/users/{contributor}',
    field: 'role',
    value: ['admin'],
    // A contributor may not write her role at all: that is refused first.
    code: 'fieldNotWritable',
    status: 403,
  },
  {
    as: 'contributor',
    method: 'PATCH',
    path: '/api/users/{contributor}',
    field: 'role',
    value: { $ne: 'contributor' },
    // A contributor may not write her role at all: that is refused first.
    code: 'fieldNotWritable',
    status: 403,
  },
  {
    as: 'contributor',
    method: 'PATCH',
    path: '/api/users/{contributor}',
    field: 'name',
    value: { $ne: null },
    code: 'notText',
  },
]

const describeValue = (value: unknown) =>
  JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

const valueCases: Case[] = valueRows.map((row) => ({
  name: `${row.method} ${row.path.split('?')[0]} · ${row.field} = ${describeValue(row.value)} · ${row.as}`,
  as: row.as,
  method: row.method,
  path: row.path,
  // A new story needs its title: only the value under test is wrong.
  body: {
    json:
      row.method === 'POST' && row.path.startsWith('/api/stories')
        ? { title: 'Hostile', [row.field]: row.value }
        : { [row.field]: row.value },
  },
  expect: api(row.code, row.status ?? 400),
}))

// ---------------------------------------------------------------------------------------------
// IDs in the path: traversal, NUL, bidi, SQL, operators, length.

const hostileIds: Array<{ kind: string; id: string }> = [
  { kind: 'path traversal', id: '..%2F..%2Fetc%2Fpasswd' },
  { kind: 'NUL', id: '%00' },
  { kind: 'an RTL override', id: '%E2%80%AEdi' },
  { kind: 'SQL', id: '1%27%20OR%201%3D1--' },
  { kind: 'an operator as JSON', id: '%7B%22%24ne%22%3Anull%7D' },
  { kind: '3000 characters', id: 'a'.repeat(3000) },
]

const idTargets: Array<{ method: Method; path: string; as: Who }> = [
  { method: 'GET', path: '/api/stories/{id}', as: 'anonymous' },
  { method: 'GET', path: '/api/stories/{id}/publish-check', as: 'admin' },
  { method: 'POST', path: '/api/stories/{id}/sign-off', as: 'admin' },
  { method: 'POST', path: '/api/participants/{id}/erase', as: 'admin' },
  { method: 'POST', path: '/api/leaders/{id}/erase', as: 'admin' },
  { method: 'GET', path: '/api/media/file/{id}', as: 'anonymous' },
  { method: 'GET', path: '/api/consent-evidence/file/{id}', as: 'admin' },
  { method: 'PATCH', path: '/api/tags/{id}', as: 'admin' },
  { method: 'DELETE', path: '/api/programs/{id}', as: 'contributor' },
]

const idCases: Case[] = idTargets.flatMap(({ method, path, as }) =>
  hostileIds.map(({ kind, id }) => ({
    name: `${method} ${path} · id with ${kind} · ${as}`,
    as,
    method,
    path: path.replace('{id}', id),
    body: method === 'PATCH' ? { json: { name: 'Renamed' } } : undefined,
    expect: api(),
  })),
)

// ---------------------------------------------------------------------------------------------
// Version routes of collections and globals that keep no versions: nothing is there (404).

const unversioned = [
  'participants',
  'leaders',
  'media',
  'tags',
  'users',
  'redirects',
  'consent-evidence',
  'audit-log',
  'inquiries',
  'subscribers',
  'story-stats',
  'globals/site-settings',
  'globals/get-involved',
  'globals/navigation',
]

const versionRoutes: Array<{ method: Method; path: string }> = [
  { method: 'GET', path: '/api/{slug}/versions' },
  { method: 'GET', path: '/api/{slug}/versions/1' },
  { method: 'POST', path: '/api/{slug}/versions/1' },
]

const versionCases: Case[] = unversioned.flatMap((slug) =>
  versionRoutes.flatMap(({ method, path }) =>
    (['contributor', 'admin'] as const).map((as) => ({
      name: `${method} ${path.replace('{slug}', slug)} · keeps no versions · ${as}`,
      as,
      method,
      path: path.replace('{slug}', slug),
      expect: api('noVersionsKept', 404),
    })),
  ),
)

/** Admin preferences that are not there: nothing to delete (404), whatever the key. */
const preferenceCases: Case[] = ['no-such-preference', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AEdi'].flatMap((key) =>
  (['contributor', 'admin'] as const).map((as) => ({
    name: `DELETE /api/payload-preferences/${key} · not there · ${as}`,
    as,
    method: 'DELETE' as const,
    path: `/api/payload-preferences/${key}`,
    expect: api(undefined, 404),
  })),
)

// ---------------------------------------------------------------------------------------------
// Signing in and the accounts' own endpoints.

const authCases: Case[] = [
  {
    name: 'POST /api/users/login · e-mail and password as operators',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/login',
    body: { json: { email: { $ne: null }, password: { $ne: null } } },
    expect: api(),
  },
  {
    name: 'POST /api/users/login · e-mail as a list',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/login',
    body: { json: { email: ['e2e-admin@example.org'], password: 'x' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/login · password as an object',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/login',
    body: { json: { email: 'nobody@example.org', password: { $gt: '' } } },
    expect: api(),
  },
  {
    name: 'POST /api/users/login · e-mail with NUL',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/login',
    body: { json: { email: 'nobody@example.org\u0000', password: 'x' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/forgot-password · e-mail as an operator',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/forgot-password',
    body: { json: { email: { $ne: null } } },
    expect: api(),
  },
  {
    name: 'POST /api/users/reset-password · token as an operator',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/reset-password',
    body: { json: { token: { $ne: null }, password: 'a new password 123' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/reset-password · token path traversal',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/reset-password',
    body: { json: { token: '../../x', password: 'a new password 123' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/logout · a forged token',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/logout',
    headers: { Authorization: 'JWT ../../etc/passwd' },
    expect: api(),
  },
  {
    name: 'POST /api/users/unlock · anonymous',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/unlock',
    body: { json: { email: 'e2e-admin@example.org' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/first-register · once an admin exists',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/first-register',
    body: { json: { email: 'x@example.org', password: 'pw123456' } },
    expect: api(),
  },
  {
    name: 'POST /api/users/verify/{token} · token path traversal',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/verify/..%2F..%2Fx',
    expect: api(),
  },
  {
    name: 'POST /api/users/refresh-token · a forged token',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/refresh-token',
    headers: { Authorization: 'JWT eyJhbGciOiJub25lIn0.eyJpZCI6IngiLCJjb2xsZWN0aW9uIjoidXNlcnMifQ.' },
    expect: api(),
  },
  {
    name: 'GET /api/users · a token signed with "none"',
    as: 'anonymous',
    path: '/api/users',
    headers: { Authorization: 'JWT eyJhbGciOiJub25lIn0.eyJpZCI6IngiLCJjb2xsZWN0aW9uIjoidXNlcnMifQ.' },
    expect: api(),
  },
  {
    name: 'GET /api/users · a session cookie of NUL and invalid bytes',
    as: 'anonymous',
    path: '/api/users',
    headers: { Cookie: 'payload-token=%00%ff' },
    expect: api(),
  },
]

// ---------------------------------------------------------------------------------------------
// GraphQL.

const gql = (query: string, extra: Record<string, unknown> = {}): Body => ({ json: { query, ...extra } })
const graphqlRows: Array<{ kind: string; body: Body; as?: Who; path?: string; code?: string }> = [
  { kind: 'query not a string', body: { json: { query: 1 } } },
  { kind: 'query as an operator', body: { json: { query: { $ne: 1 } } } },
  { kind: 'variables not an object', body: gql('{ Stories { docs { title } } }', { variables: 'x' }) },
  { kind: 'operationName as an object', body: gql('{ Stories { docs { title } } }', { operationName: { a: 1 } }) },
  { kind: 'an unknown locale argument', body: gql('{ Stories(locale: xx) { docs { title } } }') },
  {
    kind: 'one field under 990 aliases for 100 stories',
    body: gql(`{ Stories(limit: 100) { docs { ${Array.from({ length: 990 }, (_, i) => `a${i}: body`).join(' ')} } } }`),
  },
  { kind: 'every story with every field', body: gql('{ Stories(limit: 0) { docs { id title slug excerpt body } } }') },
  {
    kind: 'an operator the database lacks',
    body: gql('{ Stories(where: { slug: { all: ["a"] } }) { totalDocs } }'),
    code: 'malformedQuery',
  },
  {
    kind: 'a filter on the stored text of stories',
    body: gql('{ Stories(where: { body: { like: "participants" } }) { docs { slug } } }'),
    code: 'fieldNotFilterable',
  },
  {
    kind: 'locale path traversal in the URL',
    body: gql('{ Stories { docs { title } } }'),
    path: '/api/graphql?locale=../../etc/passwd',
    code: 'unknownLocale',
  },
  {
    kind: 'locale path traversal in the body',
    body: gql('{ Stories { docs { title } } }', { locale: '../../etc/passwd' }),
    code: 'unknownLocale',
  },
  {
    kind: 'fallbackLocale unknown in the body',
    body: gql('{ Stories { docs { title } } }', { fallbackLocale: 'xx' }),
    code: 'unknownLocale',
  },
  {
    kind: 'an operator in a where variable',
    body: gql('query($w: Story_where) { Stories(where: $w) { docs { title } } }', {
      variables: { w: { title: { equals: { $ne: 1 } } } },
    }),
  },
  {
    kind: 'where on a field that does not exist',
    body: gql('{ Stories(where: { passwd: { equals: "x" } }) { docs { title } } }'),
  },
  {
    kind: 'where on a private field',
    body: gql('{ Leaders(where: { realName: { like: "a" } }) { docs { publicName } } }'),
  },
  { kind: 'a negative limit', body: gql('{ Stories(limit: -1) { docs { title } } }'), code: 'malformedQuery' },
  { kind: 'a negative page', body: gql('{ Stories(page: -1) { docs { title } } }'), code: 'malformedQuery' },
  { kind: 'page zero', body: gql('{ Stories(page: 0) { docs { title } } }'), code: 'malformedQuery' },
  {
    kind: 'sort with SQL',
    body: gql('{ Stories(sort: "title;DROP TABLE stories") { docs { title } } }'),
    code: 'malformedQuery',
  },
  { kind: 'a mutation by nobody', body: gql('mutation { createTag(data: { name: "x", slug: "x" }) { id } }') },
  { kind: 'NUL in the query', body: gql('{ Stories { docs { title } } }\u0000') },
  { kind: 'selections nested 3000 deep', body: gql(`query {${' a {'.repeat(3000)} b${' }'.repeat(3000)} }`) },
  { kind: 'a batch of queries', body: { json: [{ query: '{ Stories { docs { title } } }' }] }, code: 'bodyNotObject' },
  {
    kind: 'a text with NUL in a mutation · admin',
    as: 'admin',
    body: gql('mutation { createTag(data: { name: "a\\u0000b", slug: "a-b" }) { id } }'),
  },
  {
    kind: 'a text with an RTL override in a mutation · admin',
    as: 'admin',
    body: gql('mutation { updateTag(id: "{tag}", data: { name: "\\u202eevil" }) { id } }'),
  },
]

const graphqlCases: Case[] = graphqlRows.map((row) => ({
  name: `POST ${row.path?.split('?')[0] ?? '/api/graphql'} · ${row.kind}${row.as ? '' : ' · anonymous'}`,
  as: row.as ?? 'anonymous',
  method: 'POST',
  path: row.path ?? '/api/graphql',
  body: row.body,
  expect: { kind: 'graphql', code: row.code },
}))

// ---------------------------------------------------------------------------------------------
// Voices' own endpoints under /api.

const customCases: Case[] = [
  {
    name: 'GET /api/inquiries/export.csv · anonymous',
    as: 'anonymous',
    path: '/api/inquiries/export.csv',
    expect: api(undefined, 403),
  },
  {
    name: 'GET /api/inquiries/export.csv · locale path traversal · admin',
    as: 'admin',
    path: '/api/inquiries/export.csv?locale=../../etc/passwd',
    expect: api('unknownLocale', 400),
  },
  {
    name: 'GET /api/story-stats/export · anonymous',
    as: 'anonymous',
    path: '/api/story-stats/export',
    expect: api('signInRequired', 401),
  },
  {
    name: 'GET /api/story-stats/export · sort by the prototype · admin',
    as: 'admin',
    path: '/api/story-stats/export?sort=__proto__',
    expect: api('malformedQuery', 400),
  },
  {
    name: 'GET /api/story-stats/export · sort as an operator · admin',
    as: 'admin',
    path: '/api/story-stats/export?sort[$gt]=1',
    expect: api('malformedQuery', 400),
  },
  {
    name: 'GET /api/story-stats/export · sort path traversal · admin',
    as: 'admin',
    path: '/api/story-stats/export?sort=..%2F..',
    expect: api('malformedQuery', 400),
  },
  {
    name: 'GET /api/story-stats/export · sort with NUL · contributor',
    as: 'contributor',
    path: '/api/story-stats/export?sort=%00',
    expect: api(),
  },
  {
    name: 'POST /api/subscribers/unsubscribe · token path traversal',
    as: 'anonymous',
    method: 'POST',
    path: '/api/subscribers/unsubscribe?token=..%2F..%2Fx',
    body: { raw: 'List-Unsubscribe=One-Click', type: 'application/x-www-form-urlencoded' },
    expect: api('unsubscribeLinkInvalid', 404),
  },
  {
    name: 'POST /api/subscribers/unsubscribe · token as an operator',
    as: 'anonymous',
    method: 'POST',
    path: '/api/subscribers/unsubscribe?token[$ne]=x',
    body: { raw: 'List-Unsubscribe=One-Click', type: 'application/x-www-form-urlencoded' },
    expect: api('unsubscribeLinkInvalid', 404),
  },
  {
    name: 'POST /api/subscribers/unsubscribe · token with NUL and an RTL override',
    as: 'anonymous',
    method: 'POST',
    path: '/api/subscribers/unsubscribe?token=%00%E2%80%AE',
    body: { raw: 'List-Unsubscribe=One-Click', type: 'application/x-www-form-urlencoded' },
    expect: api('unsubscribeLinkInvalid', 404),
  },
  {
    name: 'POST /api/subscribers/unsubscribe · the wrong one-click body',
    as: 'anonymous',
    method: 'POST',
    path: '/api/subscribers/unsubscribe?token=x',
    body: { raw: 'List-Unsubscribe=Everyone', type: 'application/x-www-form-urlencoded' },
    expect: api('oneClickExpected', 400),
  },
  {
    name: 'POST /api/subscribers/unsubscribe · a 4 KB form',
    as: 'anonymous',
    method: 'POST',
    path: '/api/subscribers/unsubscribe?token=x',
    body: { raw: `List-Unsubscribe=One-Click&x=${'a'.repeat(4096)}`, type: 'application/x-www-form-urlencoded' },
    expect: api('bodyTooLarge', 413),
  },
  {
    name: 'GET /api/og · a title of 5000 characters',
    as: 'anonymous',
    path: `/api/og?title=${'a'.repeat(5000)}`,
    expect: api(undefined, 400),
  },
  { name: 'GET /api/og · a title with NUL', as: 'anonymous', path: '/api/og?title=%00', expect: api(undefined, 400) },
  {
    name: 'GET /api/nope · a collection that does not exist',
    as: 'anonymous',
    path: '/api/..%2F..%2Fetc%2Fpasswd',
    expect: api(undefined, 404),
  },
  {
    name: 'GET /api/globals/{slug} · a global that does not exist',
    as: 'anonymous',
    path: '/api/globals/..%2Fsite-settings',
    expect: api(undefined, 404),
  },
  {
    name: 'GET /api/payload-migrations · the migrations table',
    as: 'anonymous',
    path: '/api/payload-migrations',
    expect: api(),
  },
]

// ---------------------------------------------------------------------------------------------
// The site's own routes: preview, revalidation, the stats beacon, the gift.

const countOrigin = { origin: '{origin}' }
const countRows: Array<{ kind: string; body: string; headers?: Record<string, string>; status: number }> = [
  { kind: 'broken JSON', body: '{"event":', status: 400 },
  { kind: 'a JSON array', body: '[]', status: 400 },
  { kind: 'event as an operator', body: '{"event":{"$ne":1},"story":"x","locale":"en"}', status: 400 },
  { kind: 'story path traversal', body: '{"event":"view","story":"../../etc/passwd","locale":"en"}', status: 400 },
  { kind: 'story with NUL', body: '{"event":"view","story":"a\\u0000b","locale":"en"}', status: 400 },
  { kind: 'story with an RTL override', body: '{"event":"view","story":"\\u202eevil","locale":"en"}', status: 400 },
  { kind: 'locale path traversal', body: '{"event":"view","story":"{storySlug}","locale":"../.."}', status: 400 },
  { kind: 'an extra field', body: '{"event":"view","story":"{storySlug}","locale":"en","views":1000}', status: 400 },
  { kind: 'a 600-byte body', body: `{"event":"view","story":"${'a'.repeat(560)}","locale":"en"}`, status: 413 },
  {
    kind: 'from another site',
    body: '{"event":"view","story":"{storySlug}","locale":"en"}',
    headers: { origin: 'https://evil.example' },
    status: 403,
  },
  {
    kind: 'from no page at all',
    body: '{"event":"view","story":"{storySlug}","locale":"en"}',
    headers: {},
    status: 403,
  },
]

const revalidate = { Authorization: 'Bearer {revalidationToken}' }
const revalidateRows: Array<[kind: string, headers: Record<string, string>, body: Body, status: number]> = [
  ['no token', {}, { json: { tags: ['stories'] } }, 401],
  ['a token of path traversal', { Authorization: 'Bearer ../../x' }, { json: { tags: ['stories'] } }, 401],
  ['broken JSON with the token', revalidate, { raw: '{"tags":', type: 'application/json' }, 400],
  ['tags as an operator with the token', revalidate, { json: { tags: { $ne: 1 } } }, 400],
  ['unknown tags with the token', revalidate, { json: { tags: ['../../etc', '\u0000'] } }, 400],
  ['a 5 MB body with the token', revalidate, { raw: huge, type: 'application/json' }, 413],
]

const preview = '/next/preview?secret={previewSecret}'
const previewRows: Array<[kind: string, as: Who, path: string, status: number]> = [
  ['no secret', 'anonymous', '/next/preview?collection=stories&id={story}&locale=en', 401],
  [
    'a secret of path traversal',
    'anonymous',
    '/next/preview?secret=..%2F..&collection=stories&id={story}&locale=en',
    401,
  ],
  ['collection path traversal', 'anonymous', `${preview}&collection=..%2F..%2Fusers&id={story}&locale=en`, 400],
  ['locale path traversal', 'anonymous', `${preview}&collection=stories&id={story}&locale=..%2F..`, 400],
  ['collection as an operator', 'anonymous', `${preview}&collection[$ne]=x&id={story}&locale=en`, 400],
  ['id path traversal, signed in', 'admin', `${preview}&collection=stories&id=..%2F..%2Fetc%2Fpasswd&locale=en`, 404],
  ['id with NUL, signed in', 'admin', `${preview}&collection=stories&id=%00&locale=en`, 404],
]

const exitPreviewRows: Array<[kind: string, locale: string]> = [
  ['locale path traversal', '..%2F..%2Fadmin'],
  ['locale with a header break', 'en%0d%0aSet-Cookie:%20x=1'],
  ['locale pointing off the site', '%2F%2Fevil.example'],
]

const routeCases: Case[] = [
  ...countRows.map((row) => ({
    name: `POST /next/count · ${row.kind}`,
    as: 'anonymous' as Who,
    method: 'POST' as Method,
    path: '/next/count',
    headers: row.headers ?? countOrigin,
    body: { raw: row.body, type: 'application/json' },
    expect: { kind: 'status' as const, status: row.status },
  })),
  ...revalidateRows.map(([kind, headers, body, status]) => ({
    name: `POST /next/revalidate · ${kind}`,
    as: 'anonymous' as Who,
    method: 'POST' as Method,
    path: '/next/revalidate',
    headers,
    body,
    expect: { kind: 'status' as const, status },
  })),
  ...previewRows.map(([kind, as, path, status]) => ({
    name: `GET /next/preview · ${kind}`,
    as,
    path,
    expect: { kind: 'status' as const, status },
  })),
  ...exitPreviewRows.map(([kind, locale]) => ({
    name: `GET /next/exit-preview · ${kind}`,
    as: 'anonymous' as Who,
    path: `/next/exit-preview?locale=${locale}`,
    expect: { kind: 'redirect' as const, to: '/' },
  })),
  ...[
    ['a negative amount', 'amount=-1&currency=USD&frequency=once'],
    ['an infinite amount', 'amount=1e309&currency=USD&frequency=once'],
    ['the amount as an operator', 'amount[$gt]=1&currency=USD&frequency=once'],
    ['currency path traversal', 'amount=10&currency=../..&frequency=once'],
    ['frequency with NUL', 'amount=10&currency=USD&frequency=%00'],
    ['from path traversal', 'amount=10&currency=USD&frequency=once&from=..%2F..%2Fetc'],
    ['amount with an RTL override', 'amount=%E2%80%AE01&currency=USD&frequency=once'],
  ].map(([kind, query]) => ({
    name: `GET /en/get-involved/give · ${kind}`,
    as: 'anonymous' as Who,
    path: `/en/get-involved/give?${query}`,
    expect: { kind: 'redirect' as const, to: '/en/get-involved?' },
  })),
]

// ---------------------------------------------------------------------------------------------
// Public pages with hostile parameters. A page that cannot exist answers 404; a search or a
// query the page ignores is drawn as if it were not there, and never echoed raw.

const hostileSlugs: Array<{ kind: string; slug: string }> = [
  { kind: 'path traversal', slug: '..%2F..%2Fetc%2Fpasswd' },
  { kind: 'dotted traversal to the database', slug: '%2e%2e%2f%2e%2e%2fvoices.db' },
  { kind: 'backslash traversal', slug: '..%5C..%5Cwindows%5Cwin.ini' },
  { kind: 'double-encoded traversal', slug: '%252e%252e%252f' },
  { kind: 'NUL', slug: 'a%00b' },
  { kind: 'an RTL override', slug: '%E2%80%AEevil' },
  { kind: 'a zero-width space', slug: 'two%E2%80%8Bhundred' },
  { kind: '3000 characters', slug: 'x'.repeat(3000) },
  { kind: 'an emoji', slug: '%F0%9F%92%A9' },
  { kind: 'SQL', slug: '%27%20OR%201%3D1--' },
  { kind: 'a script tag', slug: '%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
]

const slugPages = ['/en/stories/{slug}', '/en/programs/{slug}', '/en/stories/tag/{slug}', '/ru/stories/program/{slug}']

const pageNumbers = ['0', '-1', 'abc', '1e309', '99999999999', '1.5', '%00']
const numberedPages = [
  '/en/stories/page/{n}',
  '/en/stories/tag/community/page/{n}',
  '/kk/stories/program/{programSlug}/page/{n}',
  '/ru/search?q=a&page={n}',
]

const ignoredQueries: Array<{ kind: string; path: string }> = [
  { kind: 'q with NUL', path: '/en/search?q=%00' },
  { kind: 'q with NUL inside a word', path: '/ru/search?q=a%00b' },
  { kind: 'q of a short word and NUL', path: '/kk/search?q=.%00' },
  { kind: 'q with an RTL override and zero-width spaces', path: '/en/search?q=%E2%80%AE%E2%80%8B%E2%80%8B' },
  { kind: 'q of 10000 characters', path: `/en/search?q=${'x'.repeat(10000)}` },
  { kind: 'q as overlong UTF-8', path: '/en/search?q=%C0%AE%C0%AE' },
  { kind: 'q with invalid UTF-8', path: '/en/search?q=%ff%fe' },
  { kind: 'q with SQL', path: '/en/search?q=%27%20OR%201%3D1--' },
  { kind: 'q with a script tag', path: '/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { kind: 'q as an operator', path: '/en/search?q[$ne]=x' },
  { kind: 'q given twice', path: '/en/search?q=a&q=%3Cscript%3E' },
  { kind: 'from path traversal', path: '/en/get-involved?from=..%2F..%2Fetc%2Fpasswd' },
  { kind: 'from with NUL', path: '/en/get-involved?from=story:%00' },
  { kind: 'from as an operator', path: '/en/get-involved?from[$ne]=1' },
  { kind: 'from with a script tag', path: '/en/get-involved?from=story:%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { kind: 'token path traversal', path: '/en/updates/confirm?token=..%2F..%2Fx' },
  { kind: 'token with NUL', path: '/ru/updates/unsubscribe?token=%00' },
  { kind: 'a locale parameter of path traversal', path: '/en/feed.xml?locale=../../etc/passwd' },
  { kind: 'a parameter with NUL', path: '/sitemap.xml?x=%00' },
]

/** Paths Next.js itself must turn away: an unknown locale. */
const oddPaths: Array<[name: string, path: string]> = [
  ['GET /{locale}/feed.xml · a locale that does not exist', '/xx/feed.xml'],
  ['GET /{locale}/stories · a locale of path traversal', '/..%2F..%2Fetc%2Fpasswd/stories'],
  ['GET /sitemap.xml · a part that does not exist', '/sitemap.xml?part=stories-99999'],
  ['GET /sitemap.xml · a part of path traversal', '/sitemap.xml?part=..%2F..%2Fetc%2Fpasswd'],
  ['GET /sitemap.xml · a part with NUL', '/sitemap.xml?part=stories-1%00'],
  ['GET /en/search · page given twice', '/en/search?q=a&page=2&page=3'],
  ['GET /en/search · a page past the last result', '/en/search?q=pharmacy&page=2'],
  ['GET /en/search · a page past the furthest there can be', '/en/search?q=a&page=101'],
]

/**
 * Malformed percent-encoding in the path: Next.js answers 500 before any route runs, so the
 * proxy answers 400 first (lib/http/brokenEncoding.ts), on the site, the admin, assets and files.
 */
const undecodablePaths: Array<[name: string, path: string]> = [
  ['GET /en/stories/{slug} · slug as overlong UTF-8', '/en/stories/%C0%AE%C0%AE%2F'],
  ['GET /en/stories/{slug} · slug with invalid UTF-8', '/en/stories/%ff%fe'],
  ['GET / · a lone percent sign', '/%'],
  ['GET /admin/… · invalid UTF-8', '/admin/collections/%ff'],
  ['GET /_next/static/… · invalid UTF-8', '/_next/static/%ff'],
  ['GET /{file} · invalid UTF-8 in a root file name', '/x%ff.xml'],
]

const pageCases: Case[] = [
  ...slugPages.flatMap((page) =>
    hostileSlugs.map(({ kind, slug }) => ({
      name: `GET ${page} · slug with ${kind}`,
      as: 'anonymous' as Who,
      path: page.replace('{slug}', slug),
      expect: { kind: 'page' as const },
    })),
  ),
  ...numberedPages.flatMap((page) =>
    pageNumbers.map((n) => ({
      name: `GET ${page} · page ${decodeURIComponent(n) === '\u0000' ? 'NUL' : n}`,
      as: 'anonymous' as Who,
      path: page.replace('{n}', n),
      expect: { kind: 'page' as const },
    })),
  ),
  ...ignoredQueries.map(({ kind, path }) => ({
    name: `GET ${path.split('?')[0]} · ${kind}`,
    as: 'anonymous' as Who,
    path,
    expect: { kind: 'page' as const, ok: true },
  })),
  ...oddPaths.map(([name, path]) => ({ name, as: 'anonymous' as Who, path, expect: { kind: 'page' as const } })),
  ...undecodablePaths.map(([name, path]) => ({
    name,
    as: 'anonymous' as Who,
    path,
    expect: { kind: 'status' as const, status: 400 },
  })),
  {
    name: 'GET /api/stories/{id} · id with invalid UTF-8',
    as: 'anonymous',
    path: '/api/stories/%ff%fe',
    expect: api(undefined, 400),
  },
  {
    name: 'POST /api/users/{id} · id with a lone percent sign',
    as: 'anonymous',
    method: 'POST',
    path: '/api/users/%',
    expect: api(undefined, 400),
  },
]

// ---------------------------------------------------------------------------------------------
// The public forms, as a browser without JavaScript posts them.

const formRows: Array<{
  form: 'inquiry' | 'signup'
  kind: string
  fields: Record<string, string | { file: string }>
  omit?: string[]
  message: string
}> = [
  {
    form: 'inquiry',
    kind: 'no honeypot field (a script, not the form)',
    fields: {},
    omit: ['website'],
    message: 'refused',
  },
  { form: 'inquiry', kind: 'the honeypot filled in', fields: { website: 'http://spam.example' }, message: 'refused' },
  { form: 'inquiry', kind: 'a 70 KB message', fields: { message: 'a'.repeat(70 * 1024) }, message: 'tooLarge' },
  { form: 'inquiry', kind: 'a name with NUL', fields: { name: 'Aigerim\u0000' }, message: 'nameInvalid' },
  { form: 'inquiry', kind: 'a name with an RTL override', fields: { name: '\u202emiregiA' }, message: 'nameInvalid' },
  {
    form: 'inquiry',
    kind: 'a message with a control character',
    fields: { message: 'I would like to help\u0007' },
    message: 'messageInvalid',
  },
  {
    form: 'inquiry',
    kind: 'an e-mail with a zero-width space',
    fields: { email: 'aigerim\u200b@example.org' },
    message: 'emailInvalid',
  },
  { form: 'inquiry', kind: 'the name as a file', fields: { name: { file: 'name.txt' } }, message: 'nameRequired' },
  {
    form: 'signup',
    kind: 'no honeypot field (a script, not the form)',
    fields: {},
    omit: ['website'],
    message: 'refused',
  },
  { form: 'signup', kind: 'the honeypot filled in', fields: { website: 'http://spam.example' }, message: 'refused' },
  {
    form: 'signup',
    kind: 'a 70 KB body',
    fields: { email: `${'a'.repeat(70 * 1024)}@example.org` },
    message: 'tooLarge',
  },
  { form: 'signup', kind: 'an e-mail with NUL', fields: { email: 'dana@example.org\u0000' }, message: 'emailInvalid' },
  {
    form: 'signup',
    kind: 'an e-mail with an RTL override',
    fields: { email: '\u202egro.elpmaxe@anad' },
    message: 'emailInvalid',
  },
  {
    form: 'signup',
    kind: 'an e-mail that looks like an operator',
    fields: { email: '{"$ne":null}' },
    message: 'emailInvalid',
  },
  {
    form: 'signup',
    kind: 'a language of path traversal',
    fields: { language: '../../etc/passwd' },
    message: 'localeInvalid',
  },
  { form: 'signup', kind: 'the e-mail as a file', fields: { email: { file: 'email.txt' } }, message: 'emailRequired' },
]

const formCases: Case[] = [
  ...formRows.map((row) => ({
    name: `POST /en/get-involved (${row.form === 'inquiry' ? 'Write to us' : 'Stay updated'}) · ${row.kind}`,
    as: 'anonymous' as Who,
    method: 'POST' as Method,
    path: '/en/get-involved',
    body: { form: row.form, fields: row.fields, omit: row.omit },
    expect: { kind: 'form' as const, message: row.message },
  })),
  {
    name: 'POST /en/get-involved · a server action that does not exist',
    as: 'anonymous',
    method: 'POST',
    path: '/en/get-involved',
    headers: { 'Next-Action': '00'.repeat(21) },
    body: { raw: '[]', type: 'text/plain;charset=UTF-8' },
    expect: { kind: 'status' },
  },
  {
    name: 'POST /en/get-involved · a server action id of path traversal',
    as: 'anonymous',
    method: 'POST',
    path: '/en/get-involved',
    headers: { 'Next-Action': '../../etc/passwd' },
    body: { raw: '[]', type: 'text/plain;charset=UTF-8' },
    expect: { kind: 'status' },
  },
]

export const cases: Case[] = [
  ...queryCases,
  ...bodyCases,
  ...valueCases,
  ...idCases,
  ...versionCases,
  ...preferenceCases,
  ...authCases,
  ...graphqlCases,
  ...customCases,
  ...routeCases,
  ...pageCases,
  ...formCases,
]
