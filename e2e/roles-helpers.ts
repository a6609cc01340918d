import { type APIRequestContext, expect, request as requests, test } from '@playwright/test'
import sharp from 'sharp'

import { describeAccess, everyone, may, type Operation, type Who } from '../access/accessTable.mjs'
import { privateValue } from './logs'

import { e2eAdmin, e2eBaseUrl } from './settings'

/**
 * Shared by the role specs: who may do what (access/accessTable.mjs, the declaration the README's
 * roles table is rendered from), one account per staff role, and small builders for the documents
 * the specs create.
 */

export const staffRoles = ['contributor', 'editor', 'safeguarding', 'admin'] as const
export type StaffRole = (typeof staffRoles)[number]
export type Role = Who
export const allRoles: Role[] = [...everyone]

export type Op = Operation
export { may }

/**
 * The collections the specs try over HTTP: those an API client can make documents in, so each
 * role's update and delete has a fresh target. Every row of the declaration, these included, is
 * also tried in-process through REST, GraphQL and the local API (tests/int/access-table-*.test.ts),
 * with targets made on the server: inquiries, subscribers, redirects, story counts and Payload's
 * own collections among them.
 */
export const collectionSlugs = [
  'stories',
  'programs',
  'tags',
  'leaders',
  'participants',
  'consent-evidence',
  'media',
  'users',
  'audit-log',
  'payload-jobs',
] as const
export type CollectionSlug = (typeof collectionSlugs)[number]
export const globalSlugs = ['site-settings', 'navigation', 'get-involved'] as const
export type GlobalSlug = (typeof globalSlugs)[number]

/** What a role writes to a global, and where it reads back; `current` is the global as it is. */
export function globalWrite(
  slug: GlobalSlug,
  current: Record<string, unknown>,
  label: string,
): { data: Record<string, unknown>; written: (after: Record<string, unknown>) => unknown; value: unknown } {
  switch (slug) {
    case 'site-settings':
      return { data: { tagline: label }, written: (after) => after.tagline, value: label }
    case 'navigation': {
      const header = current.header as Array<Record<string, unknown>>
      return {
        data: { header: [{ ...header[0], label }, ...header.slice(1)] },
        written: (after) => (after.header as Array<{ label: string }>)[0]?.label,
        value: label,
      }
    }
    case 'get-involved': {
      const campaign = slugify(label)
      return { data: { campaign }, written: (after) => after.campaign, value: campaign }
    }
  }
}

/** The message Payload gives for a collection-level refusal, in REST and GraphQL alike. */
export const notAllowed = 'You are not allowed to perform this action.'

export type Headers = Record<string, string>
export type StaffMember = { id: string; email: string; password: string; name: string; headers: Headers }

/**
 * Logs in on a client of its own and returns the header that carries the session: the client a
 * spec shares keeps no cookie, so its requests without the header stay anonymous.
 */
export async function logIn(credentials: { email: string; password: string }): Promise<Headers> {
  const client = await requests.newContext({ baseURL: e2eBaseUrl })
  const response = await client.post('/api/users/login', { data: credentials })
  expect(response.ok(), `log in as ${credentials.email}: ${await response.text()}`).toBe(true)
  const { token } = await response.json()
  await client.dispose()
  return { Authorization: `JWT ${token}` }
}

export async function logInAsAdminApi(): Promise<Headers> {
  return logIn(e2eAdmin)
}

/** A short marker that keeps this run's documents apart from the seed and from other runs. */
export function runMarker(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
}

/** One account per staff role, created by the demo admin, with distinctive e-mails. */
export async function createStaff(
  request: APIRequestContext,
  admin: Headers,
  marker: string,
  cleanup: Cleanup,
): Promise<Record<StaffRole, StaffMember>> {
  const staff = {} as Record<StaffRole, StaffMember>
  for (const role of staffRoles) {
    const email = `${role}-${marker}@roles.example.org`
    const password = `${role} password ${marker}`
    const name = `${role[0]!.toUpperCase()}${role.slice(1)} ${marker}`
    const created = await request.post('/api/users', { headers: admin, data: { email, password, name, role } })
    expect(created.ok(), `create the ${role}: ${await created.text()}`).toBe(true)
    const { doc } = await created.json()
    cleanup.add('users', doc.id)
    expect(doc.role).toBe(role)
    staff[role] = { id: doc.id, email, password, name, headers: await logIn({ email, password }) }
  }
  return staff
}

/** The headers a role sends: none for anonymous visitors. */
export function headersOf(staff: Record<StaffRole, StaffMember>, role: Role): Headers {
  return role === 'anonymous' ? {} : staff[role].headers
}

/** Documents a spec made, removed by the admin in `afterAll` (newest first). */
export class Cleanup {
  private readonly items: Array<{ collection: string; id: string }> = []

  add(collection: string, id: string): void {
    this.items.push({ collection, id })
  }

  async run(request: APIRequestContext, admin: Headers): Promise<void> {
    const problems: string[] = []
    for (const { collection, id } of this.items.reverse()) {
      const response = await request.delete(`/api/${collection}/${id}`, { headers: admin })
      // Already gone (deleted by the test itself) is fine.
      if (!response.ok() && response.status() !== 404) problems.push(`${collection}/${id}: ${response.status()}`)
    }
    this.items.length = 0
    expect(problems, 'documents left behind').toEqual([])
  }
}

/** Lexical state for a story body: one paragraph per sentence given. */
export function storyBody(...paragraphs: string[]) {
  const node = { format: '', indent: 0, version: 1, direction: 'ltr' }
  return {
    root: {
      type: 'root',
      ...node,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        ...node,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

/** Written consent to everything, given last year and good for years. */
export function validConsent() {
  const year = new Date().getUTCFullYear()
  return {
    status: 'written',
    scopes: ['name', 'photo', 'quotes', 'personalDetails'],
    givenAt: `${year - 1}-01-01T00:00:00.000Z`,
    expiresAt: `${year + 5}-01-01T00:00:00.000Z`,
  }
}

/** A small PNG for upload collections. */
export async function pngFile(name: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const buffer = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#c8643c' } })
    .png()
    .toBuffer()
  return { name: `${name}.png`, mimeType: 'image/png', buffer }
}

export type GraphQLResult = { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> }

export async function graphql(
  request: APIRequestContext,
  headers: Headers,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult> {
  const response = await request.post('/api/graphql', { headers, data: { query, variables } })
  return (await response.json()) as GraphQLResult
}

/** Every document the role specs make carries its label in this field, so a read shows whose write won. */
export const labelField: Record<Exclude<CollectionSlug, 'payload-jobs'>, string> = {
  stories: 'excerpt',
  programs: 'summary',
  tags: 'name',
  leaders: 'role',
  participants: 'publicName',
  'consent-evidence': 'note',
  media: 'credit',
  users: 'name',
  'audit-log': 'summary',
}

export function slugify(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * A valid new document of each collection, as plain data (REST JSON body or GraphQL input). Drafts
 * where the collection has them, so nothing reaches the public site. Upload collections also need
 * a file: see `isUpload`.
 */
export function newDocument(slug: CollectionSlug, label: string): Record<string, unknown> {
  switch (slug) {
    case 'stories':
      return { title: label, slug: slugify(label), body: storyBody(label), excerpt: label, _status: 'draft' }
    case 'programs':
      return { name: label, slug: slugify(label), summary: label, status: 'active', _status: 'draft' }
    case 'tags':
      return { name: label, slug: slugify(label) }
    case 'users':
      return {
        email: `${slugify(label)}@roles.example.org`,
        password: `${label} password`,
        name: label,
        role: 'contributor',
      }
    case 'leaders':
      return { publicName: label, role: label }
    case 'participants':
      return { publicName: label }
    case 'consent-evidence':
      return { note: label }
    case 'media':
      return { alt: label, credit: label }
    case 'audit-log':
      return {
        at: new Date().toISOString(),
        action: 'read',
        documentCollection: 'participants',
        document: label,
        summary: label,
      }
    case 'payload-jobs':
      return {
        taskSlug: 'schedulePublish',
        input: { type: 'publish' },
        waitUntil: new Date(Date.now() + 3_600_000).toISOString(),
      }
  }
}

export const isUpload = (slug: CollectionSlug): boolean => slug === 'media' || slug === 'consent-evidence'

/** Query string for writes and reads: drafts for collections with versions, English content. */
export function queryFor(slug: CollectionSlug | GlobalSlug): string {
  return slug === 'stories' || slug === 'programs' ? '?draft=true&locale=en' : '?locale=en'
}

/** Creates a document through REST and returns the raw response (multipart for uploads). */
export async function restCreate(request: APIRequestContext, headers: Headers, slug: CollectionSlug, label: string) {
  const data = newDocument(slug, label)
  const path = `/api/${slug}${queryFor(slug)}`
  if (!isUpload(slug)) return request.post(path, { headers, data })
  return request.post(path, {
    headers,
    multipart: { file: await pngFile(slugify(label)), _payload: JSON.stringify(data) },
  })
}

/** Creates a document as the admin, for others to update or delete; it is removed after the spec. */
export async function adminCreate(
  request: APIRequestContext,
  admin: Headers,
  slug: CollectionSlug,
  label: string,
  cleanup: Cleanup,
): Promise<string> {
  const response = await restCreate(request, admin, slug, label)
  expect(response.ok(), `admin creates ${slug}: ${await response.text()}`).toBe(true)
  const id = (await response.json()).doc.id as string
  cleanup.add(slug, id)
  return id
}

/** A document as the admin sees it, or null when it does not exist. */
export async function adminRead(
  request: APIRequestContext,
  admin: Headers,
  slug: CollectionSlug,
  id: string,
): Promise<Record<string, unknown> | null> {
  const response = await request.get(`/api/${slug}/${id}${queryFor(slug)}&depth=0`, { headers: admin })
  if (response.status() === 404) return null
  expect(response.ok(), `admin reads ${slug}/${id}: ${await response.text()}`).toBe(true)
  return response.json()
}

/** A made-up job ID: nobody may touch the jobs collection, so the refusal must come before any lookup. */
export const someJobId = '00000000-0000-4000-8000-000000000000'

export type RoleFixtures = {
  marker: string
  cleanup: Cleanup
  /** A client without cookies: requests without headers are anonymous. */
  api: APIRequestContext
  /** The demo admin's headers. */
  admin: Headers
  staff: Record<StaffRole, StaffMember>
  /** An audit entry (nobody may change or delete one), when asked for. */
  auditEntryId: string
}

/**
 * Registers the spec's `beforeAll` and `afterAll`: one account per staff role and whatever the
 * spec adds to `cleanup`, removed afterwards; the site settings' tagline and consent policy, the
 * navigation's header links and the Get involved campaign code are put back as they were.
 */
export function setUpRoleFixtures(prefix: string, { auditEntry = false } = {}): RoleFixtures {
  const fixtures = { marker: runMarker(prefix), cleanup: new Cleanup(), auditEntryId: '' } as RoleFixtures
  let settings: Record<string, unknown> = {}
  let navigation: Record<string, unknown> = {}
  let getInvolved: Record<string, unknown> = {}

  test.beforeAll(async () => {
    const { marker, cleanup } = fixtures
    fixtures.api = await requests.newContext({ baseURL: e2eBaseUrl })
    fixtures.admin = await logInAsAdminApi()
    const { api, admin } = fixtures
    fixtures.staff = await createStaff(api, admin, marker, cleanup)
    settings = await (await api.get('/api/globals/site-settings?locale=en&depth=0', { headers: admin })).json()
    navigation = await (await api.get('/api/globals/navigation?locale=en&depth=0', { headers: admin })).json()
    getInvolved = await (await api.get('/api/globals/get-involved?depth=0', { headers: admin })).json()
    if (!auditEntry) return
    // Writing a participant's private data leaves an audit entry.
    const person = await api.post('/api/participants', {
      headers: admin,
      data: { publicName: `Audit ${marker}`, legalName: privateValue('participants.legalName', `Legal ${marker}`) },
    })
    expect(person.ok(), await person.text()).toBe(true)
    const personId = (await person.json()).doc.id
    cleanup.add('participants', personId)
    const entry = async () =>
      ((await (await api.get(`/api/audit-log?where[document][equals]=${personId}`, { headers: admin })).json()).docs[0]
        ?.id as string) ?? ''
    await expect.poll(entry).not.toBe('')
    fixtures.auditEntryId = await entry()
  })

  test.afterAll(async () => {
    const { api, admin } = fixtures
    const { tagline, consentWithdrawalPolicy } = settings
    await api.post('/api/globals/site-settings?locale=en', {
      headers: admin,
      data: { tagline, consentWithdrawalPolicy },
    })
    await api.post('/api/globals/navigation?locale=en', { headers: admin, data: { header: navigation.header } })
    const campaign = (await (await api.get('/api/globals/get-involved?depth=0', { headers: admin })).json()).campaign
    if (campaign !== getInvolved.campaign) {
      await api.post('/api/globals/get-involved', { headers: admin, data: { campaign: getInvolved.campaign ?? null } })
    }
    await fixtures.cleanup.run(api, admin)
    await api.dispose()
  })

  return fixtures
}

/**
 * The document a role tries to change or delete in the matrix: a new one made by the admin, except
 * for the jobs (none to be had), the audit log (only hooks write it), staff changing their
 * own account (the only one they may change) and contributors changing media (only what they
 * uploaded themselves).
 */
export async function matrixTarget(
  fixtures: RoleFixtures,
  slug: CollectionSlug,
  role: Role,
  op: 'update' | 'delete',
): Promise<string> {
  if (slug === 'payload-jobs') return someJobId
  if (slug === 'audit-log') return fixtures.auditEntryId
  if (slug === 'users' && op === 'update' && role !== 'anonymous' && role !== 'admin') return fixtures.staff[role].id
  const { api, admin, cleanup, marker } = fixtures
  if (slug === 'media' && op === 'update' && role === 'contributor') {
    const own = await restCreate(api, fixtures.staff.contributor.headers, slug, `${op} target ${role} ${marker}`)
    expect(own.ok(), `contributor uploads: ${await own.text()}`).toBe(true)
    const id = (await own.json()).doc.id as string
    cleanup.add(slug, id)
    return id
  }
  return adminCreate(api, admin, slug, `${op} target ${role} ${slug} ${marker}`, cleanup)
}

/** The field the matrix writes: its label field, but leaders' real name for safeguarding (its writes to public fields are ignored). */
export function matrixWrite(slug: CollectionSlug, role: Role, label: string): { field: string; value: unknown } {
  if (slug === 'payload-jobs') return { field: 'processing', value: true }
  if (slug === 'leaders' && role === 'safeguarding')
    return { field: 'realName', value: privateValue('leaders.realName', label) }
  return { field: labelField[slug], value: label }
}

export function describeOps(role: Role, slug: CollectionSlug): string {
  return describeAccess(role, slug)
}
