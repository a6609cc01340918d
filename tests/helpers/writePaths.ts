/**
 * Runs the publishing matrix's writes: builds each state's story through the API (templates),
 * copies it for cells that change it, performs a write over REST, GraphQL, the local API or the
 * jobs queue as a given role, and reads what an anonymous visitor sees.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { User } from '@/payload-types'
import { signedContentDigest } from '@/privacy/publishing/signOff'

import { signedOff } from './content'
import { graphql, rest } from './http'
import {
  type Api,
  contentData,
  editData,
  type Label,
  localeCodes,
  type Operation,
  type PersonRef,
  type PublicView,
  type RoleName,
  type StateSpec,
  toPublicView,
  type VersionMark,
} from './publishingMatrix'

type Doc = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// Stories in a declared state
// ---------------------------------------------------------------------------------------------

export type Fixture = { id: string; slug: string; versions: Record<VersionMark, string>; person: PersonRef | null }

type StoredVersion = { id: string; version: Doc; publishedLocale?: string; snapshot?: boolean }

/** Versions of a story's history a write may read besides its latest one. */
export type HistoryNeed = VersionMark | 'lastPublished'

/**
 * A story written through the API, and its rows as stored: the story, and the versions of its
 * history Payload reads (the latest; the last published one, which publishing one locale keeps
 * the others from; the marked ones the restore paths restore).
 */
export type Template = Fixture & {
  rows: { main: Doc; versions: StoredVersion[] }
  latest: string
  lastPublished: string
}

let slugs = 0
export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(slugs += 1)}`

export async function latestVersionId(payload: Payload, id: string): Promise<string> {
  const { docs } = await payload.findVersions({
    collection: 'stories',
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
  })
  return String(docs[0]!.id)
}

/** Writes a state's history through the local API, as the system, one save at a time. */
export async function buildTemplate(payload: Payload, state: StateSpec, person: PersonRef | null): Promise<Template> {
  const slug = uniqueSlug('matrix-template')
  let id: string | null = null
  let written: Label | null = null
  const versions: Partial<Record<VersionMark, string>> = {}
  for (const step of state.history) {
    if (step.content !== written) {
      for (const locale of localeCodes) {
        const data = contentData(step.content, locale, person)
        if (!id) {
          const created = await payload.create({
            collection: 'stories',
            data: { ...data, slug, _status: 'draft' },
            draft: true,
            locale,
            depth: 0,
          })
          id = String(created.id)
        } else {
          await payload.update({ collection: 'stories', id, data, draft: true, locale, depth: 0 })
        }
      }
      written = step.content
    }
    await payload.update({
      collection: 'stories',
      id: id!,
      data: { _status: step.status },
      depth: 0,
      context: step.signOff ? signedOff : {},
    })
    if (step.mark) versions[step.mark] = await latestVersionId(payload, id!)
  }
  // What Payload reads of a story's history: its latest version, its last published version
  // (publishing one locale keeps the others from it), and the versions the restore paths restore.
  const { docs } = await payload.findVersions({
    collection: 'stories',
    where: { parent: { equals: id } },
    sort: 'updatedAt',
    pagination: false,
    depth: 0,
  })
  const lastPublished = docs.filter((doc) => doc.version._status === 'published').at(-1)
  const needed = [...Object.values(versions), String(docs.at(-1)!.id), String(lastPublished?.id)]
  const main = (await payload.db.findOne({
    collection: 'stories',
    where: { id: { equals: id } },
    locale: 'all',
  })) as Doc
  const stored = await payload.db.findVersions({
    collection: 'stories',
    where: { and: [{ parent: { equals: id } }, { id: { in: needed } }] },
    sort: 'updatedAt',
    locale: 'all',
    pagination: false,
    limit: 0,
  })
  return {
    id: id!,
    slug,
    person,
    versions: versions as Record<VersionMark, string>,
    latest: String(docs.at(-1)!.id),
    lastPublished: String(lastPublished!.id),
    rows: {
      main,
      versions: stored.docs.map((doc) => ({
        id: String(doc.id),
        version: doc.version as Doc,
        publishedLocale: doc.publishedLocale ?? undefined,
        snapshot: doc.snapshot ?? undefined,
      })),
    },
  }
}

function resignForSlug(row: Doc, slug: string): void {
  const signOff = row.signOff as { digest?: string | null } | null | undefined
  if (!signOff?.digest || signOff.digest !== signedContentDigest(row)) return
  signOff.digest = signedContentDigest({ ...row, slug })
}

/**
 * A copy of a template, stored row for row (the story and its versions, every locale, the
 * sign-off as it was written), so a cell that changes a story starts from a state built through
 * the API without rebuilding its history. It keeps the latest version and those in `needs`
 * (all of them when not given).
 */
export async function cloneTemplate(
  payload: Payload,
  template: Template,
  needs?: HistoryNeed[],
): Promise<Fixture & { versionCount: number }> {
  const slug = uniqueSlug('matrix')
  const idOf = (need: HistoryNeed) => (need === 'lastPublished' ? template.lastPublished : template.versions[need])
  const wanted = needs && new Set([template.latest, ...needs.map(idOf)])
  const rows = structuredClone(template.rows)
  const main = rows.main
  const docs = wanted ? rows.versions.filter((doc) => wanted.has(doc.id)) : rows.versions
  // The sign-off covers the story's address; carry one that held for the template over to the
  // copy's new slug, so the copy is in the same state, signed or not.
  for (const row of [main, ...docs.map((doc) => doc.version as Doc)]) resignForSlug(row, slug)
  const { id: _id, ...mainData } = main
  // Versions keep their order, a second apart, all in the past.
  const start = Date.now() - (docs.length + 2) * 1000
  const at = (i: number) => new Date(start + i * 1000).toISOString()
  const created = await payload.db.create({
    collection: 'stories',
    data: { ...mainData, slug, createdAt: at(0), updatedAt: at(docs.length) },
  })
  const ids = new Map<string, string>()
  for (const [i, doc] of docs.entries()) {
    const { id: _vid, ...versionData } = doc.version as Doc
    const version = await payload.db.createVersion({
      collectionSlug: 'stories',
      parent: created.id,
      versionData: { ...versionData, slug } as never,
      autosave: false,
      createdAt: at(i + 1),
      updatedAt: at(i + 1),
      publishedLocale: doc.publishedLocale,
      ...(doc.snapshot ? { snapshot: true as const } : {}),
      returning: true,
    })
    ids.set(String(doc.id), String(version.id))
  }
  const versions = Object.fromEntries(
    Object.entries(template.versions).map(([mark, id]) => [mark, ids.get(id) ?? 'not copied']),
  ) as Record<VersionMark, string>
  return { id: String(created.id), slug, versions, person: template.person, versionCount: docs.length }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** What an anonymous visitor reads of a story through the local API the site uses, or null. */
export async function publicView(payload: Payload, id: string): Promise<PublicView | null> {
  const doc = await payload
    .findByID({ collection: 'stories', id, locale: 'all', depth: 0, overrideAccess: false })
    .catch(() => null)
  return doc ? toPublicView(doc as unknown as Doc) : null
}

/** The same over REST, as a browser without a session would read it. */
export async function publicViewOverRest(id: string): Promise<PublicView | null> {
  const response = await rest('GET', `/api/stories/${id}?locale=all&depth=0`)
  if (response.status !== 200) return null
  return toPublicView((await response.json()) as Doc)
}

export type Snapshot = { latest: Doc | null; main: Doc | null; versions: number; public: PublicView | null }

/** Everything a refused write must leave as it was. */
export async function snapshot(payload: Payload, id: string): Promise<Snapshot> {
  const read = (draft: boolean) =>
    payload
      .findByID({ collection: 'stories', id, draft, locale: 'all', depth: 0 })
      .then((doc) => doc as unknown as Doc)
      .catch(() => null)
  const [latest, main, versions, view] = await Promise.all([
    read(true),
    read(false),
    payload.countVersions({ collection: 'stories', where: { parent: { equals: id } } }),
    publicView(payload, id),
  ])
  return { latest, main, versions: versions.totalDocs, public: view }
}

// ---------------------------------------------------------------------------------------------
// Writing, as a role, over one API
// ---------------------------------------------------------------------------------------------

export type Actor = { role: RoleName; user: User | null; token: string | null }

export type Attempt = {
  ok: boolean
  /** HTTP status (REST), the GraphQL error's status, or the local API error's status. */
  status?: number
  /** Everything the caller was told about a refusal. */
  error: string
}

export type WriteTarget = {
  fixture: Fixture
  /** Slug for a story the write creates. */
  newSlug: string
  imageId: string
}

/** A GraphQL enum value inside a literal. */
class GqlEnum {
  constructor(readonly value: string) {}
}

function gqlLiteral(value: unknown): string {
  if (value instanceof GqlEnum) return value.value
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(gqlLiteral).join(', ')}]`
  if (typeof value === 'object') {
    const fields = Object.entries(value as Doc).filter(([, v]) => v !== undefined)
    return `{ ${fields.map(([k, v]) => `${k}: ${gqlLiteral(v)}`).join(', ')} }`
  }
  return JSON.stringify(value)
}

/** The data a write sends, and the locale it writes in. */
function writeData(operation: Operation, target: WriteTarget, person: PersonRef | null) {
  switch (operation.op) {
    case 'create':
      return {
        locale: 'en' as const,
        data: { ...contentData('new', 'en', person), slug: target.newSlug, _status: 'published' },
      }
    case 'update':
      if (operation.data === 'publish') return { locale: 'en' as const, data: { _status: 'published' } }
      if (operation.data === 'unpublish') return { locale: 'en' as const, data: { _status: 'draft' } }
      return { locale: operation.data.locale, data: editData(operation.data, target.imageId) }
    case 'duplicate':
      return {
        locale: 'en' as const,
        data: {
          title: 'A copy with a new title',
          excerpt: 'A copy with a new excerpt',
          slug: target.newSlug,
          ...(operation.asksToPublish ? { _status: 'published' } : {}),
        },
      }
    case 'bulkPublish':
    case 'schedule':
      return { locale: 'en' as const, data: { _status: 'published' } }
    case 'publishLocale':
      return {
        locale: operation.edit.locale,
        data: { ...editData(operation.edit, target.imageId), _status: 'published' },
      }
    case 'restore':
      return { locale: 'en' as const, data: {} }
  }
}

const asGraphqlData = (data: Doc): Doc =>
  Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      key === '_status' && typeof value === 'string' ? new GqlEnum(value) : value,
    ]),
  )

async function viaRest(operation: Operation, actor: Actor, target: WriteTarget): Promise<Attempt> {
  const { id, versions } = target.fixture
  const { data, locale } = writeData(operation, target, target.fixture.person)
  const token = actor.token
  let response: Response
  switch (operation.op) {
    case 'create':
      response = await rest('POST', `/api/stories?locale=${locale}&depth=0`, { token, body: data })
      break
    case 'update':
      response = await rest('PATCH', `/api/stories/${id}?locale=${locale}&depth=0&draft=${operation.draft}`, {
        token,
        body: data,
      })
      break
    case 'duplicate': {
      const draft = operation.draft === 'none' ? '' : `&draft=${operation.draft}`
      response = await rest('POST', `/api/stories/${id}/duplicate?locale=${locale}&depth=0${draft}`, {
        token,
        body: data,
      })
      break
    }
    case 'restore':
      response = await rest(
        'POST',
        `/api/stories/versions/${versions[operation.version]}?depth=0${operation.draft ? '&draft=true' : ''}`,
        { token },
      )
      break
    case 'bulkPublish':
      response = await rest('PATCH', `/api/stories?where[id][equals]=${id}&depth=0`, { token, body: data })
      break
    case 'publishLocale':
      response = await rest('PATCH', `/api/stories/${id}?publishSpecificLocale=${locale}&depth=0`, {
        token,
        body: data,
      })
      break
    case 'schedule':
      throw new Error('scheduled publishing runs on the jobs queue')
  }
  const body = (await response.json().catch(() => ({}))) as { docs?: unknown[]; errors?: unknown[] }
  const bulkFailed = operation.op === 'bulkPublish' && ((body.errors?.length ?? 0) > 0 || body.docs?.length !== 1)
  const ok = response.status < 400 && !bulkFailed
  return {
    ok,
    status: response.status,
    error: ok ? '' : JSON.stringify(body.errors ?? body),
  }
}

async function viaGraphql(operation: Operation, actor: Actor, target: WriteTarget): Promise<Attempt> {
  const { id, versions } = target.fixture
  const { data, locale } = writeData(operation, target, target.fixture.person)
  const args = (values: Doc) => gqlLiteral(values).slice(1, -1)
  let mutation: string
  let field: string
  switch (operation.op) {
    case 'create':
      field = 'createStory'
      mutation = `${field}(${args({ data: asGraphqlData(data), locale: new GqlEnum(locale) })})`
      break
    case 'update':
      field = 'updateStory'
      mutation = `${field}(${args({ id, data: asGraphqlData(data), draft: operation.draft, locale: new GqlEnum(locale) })})`
      break
    case 'duplicate':
      field = 'duplicateStory'
      mutation = `${field}(${args({ id, data: asGraphqlData(data) })})`
      break
    case 'restore':
      field = 'restoreVersionStory'
      mutation = `${field}(${args({ id: versions[operation.version], draft: operation.draft })})`
      break
    default:
      throw new Error(`${operation.op} has no GraphQL mutation`)
  }
  const result = await graphql(`mutation { ${mutation} { id } }`, actor.token)
  const errors = result.errors as Array<{ message: string; extensions?: { statusCode?: number } }> | undefined
  return {
    ok: !errors?.length,
    status: errors?.[0]?.extensions?.statusCode,
    error: errors?.length ? JSON.stringify(errors) : '',
  }
}

function localError(error: unknown): Attempt {
  const e = error as { status?: number; message?: string; data?: unknown }
  return { ok: false, status: e.status, error: JSON.stringify({ message: e.message, data: e.data }) }
}

async function viaLocal(payload: Payload, operation: Operation, actor: Actor, target: WriteTarget): Promise<Attempt> {
  const { id, versions } = target.fixture
  const { data, locale } = writeData(operation, target, target.fixture.person)
  const as = {
    overrideAccess: false,
    depth: 0,
    ...(actor.user ? { user: { ...actor.user, collection: 'users' as const } } : {}),
  }
  try {
    switch (operation.op) {
      case 'create':
        await payload.create({ collection: 'stories', data: data as never, locale, ...as })
        return { ok: true, error: '' }
      case 'update':
        await payload.update({ collection: 'stories', id, data, draft: operation.draft, locale, ...as })
        return { ok: true, error: '' }
      case 'duplicate':
        await payload.duplicate({
          collection: 'stories',
          id,
          data,
          locale,
          ...(operation.draft === 'none' ? {} : { draft: operation.draft }),
          ...as,
        })
        return { ok: true, error: '' }
      case 'restore':
        await payload.restoreVersion({ collection: 'stories', id: versions[operation.version], ...as })
        return { ok: true, error: '' }
      case 'bulkPublish': {
        const result = await payload.update({
          collection: 'stories',
          where: { id: { equals: id } },
          data,
          locale,
          ...as,
        })
        const ok = result.errors.length === 0 && result.docs.length === 1
        return { ok, error: ok ? '' : JSON.stringify(result.errors) }
      }
      case 'publishLocale':
        await payload.update({ collection: 'stories', id, data, locale, publishSpecificLocale: locale, ...as })
        return { ok: true, error: '' }
      case 'schedule':
        throw new Error('scheduled publishing runs on the jobs queue')
    }
  } catch (error) {
    return localError(error)
  }
}

/**
 * Schedules publishing the way the admin's drawer does (the jobs queue with access enforced, as
 * the role) and runs the job. A role the queue refuses gets no job; for staff it is then queued
 * around the admin as well (as if written straight into the queue), naming the role as the user
 * it runs as: the publishing rules must hold when the job runs, whoever queued it.
 */
async function viaJobs(
  payload: Payload,
  actor: Actor,
  target: WriteTarget,
  requestAs: (user: User | null) => Promise<PayloadRequest>,
): Promise<Attempt & { queuedThroughApi: boolean }> {
  const input = (user: User | null) => ({
    type: 'publish' as const,
    doc: { relationTo: 'stories' as const, value: target.fixture.id },
    ...(user ? { user: { relationTo: 'users' as const, value: user.id } } : {}),
  })
  let job: { id: string | number } | null = null
  let refusal = ''
  try {
    job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: input(actor.user),
      overrideAccess: false,
      req: await requestAs(actor.user),
    })
  } catch (error) {
    refusal = localError(error).error
  }
  const queuedThroughApi = job !== null
  if (!job) {
    if (!actor.user) return { ok: false, status: 403, error: refusal, queuedThroughApi }
    job = await payload.jobs.queue({ task: 'schedulePublish', input: input(actor.user) })
  }
  await payload.jobs.runByID({ id: job.id, silent: true })
  // A job that completes is deleted; one that failed stays, with its error.
  const ran = (await payload
    .findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    .catch(() => null)) as unknown as Doc | null
  const ok = !ran || (ran.hasError !== true && Boolean(ran.completedAt))
  return {
    ok,
    error: ok ? '' : [refusal, JSON.stringify({ error: ran!.error, log: ran!.log })].join(' '),
    queuedThroughApi,
  }
}

export async function attemptWrite(
  payload: Payload,
  api: Api,
  operation: Operation,
  actor: Actor,
  target: WriteTarget,
  requestAs: (user: User | null) => Promise<PayloadRequest>,
): Promise<Attempt & { queuedThroughApi?: boolean }> {
  switch (api) {
    case 'rest':
      return viaRest(operation, actor, target)
    case 'graphql':
      return viaGraphql(operation, actor, target)
    case 'local':
      return viaLocal(payload, operation, actor, target)
    case 'jobs':
      return viaJobs(payload, actor, target, requestAs)
  }
}
