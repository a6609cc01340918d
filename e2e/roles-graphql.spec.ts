import { expect, test } from './fixtures'
import { privateValue } from './logs'

import {
  adminCreate,
  adminRead,
  allRoles,
  type CollectionSlug,
  collectionSlugs,
  describeOps,
  globalSlugs,
  type GlobalSlug,
  globalWrite,
  graphql,
  type GraphQLResult,
  type Headers,
  headersOf,
  isUpload,
  matrixTarget,
  matrixWrite,
  may,
  newDocument,
  notAllowed,
  setUpRoleFixtures,
  validConsent,
} from './roles-helpers'

/**
 * Who may do what (access/accessTable.mjs) through GraphQL over HTTP, with Payload's generated
 * names, and the field-level rules that GraphQL could otherwise get round: private fields, the
 * review trail, the role field and the consent-withdrawal policy.
 */
const fixtures = setUpRoleFixtures('rg', { auditEntry: true })
const { cleanup } = fixtures
let api: typeof fixtures.api
let admin: Headers
let staff: typeof fixtures.staff
let marker = ''

test.beforeAll(() => {
  ;({ api, admin, staff, marker } = fixtures)
})

/** Payload's GraphQL names: one document, the list query, and the type in mutation names. */
const names: Record<CollectionSlug, { one: string; many: string }> = {
  stories: { one: 'Story', many: 'Stories' },
  programs: { one: 'Program', many: 'Programs' },
  tags: { one: 'Tag', many: 'Tags' },
  leaders: { one: 'Leader', many: 'Leaders' },
  participants: { one: 'Participant', many: 'Participants' },
  'consent-evidence': { one: 'ConsentEvidence', many: 'ConsentEvidences' },
  media: { one: 'Media', many: 'allMedia' },
  users: { one: 'User', many: 'Users' },
  'audit-log': { one: 'AuditLog', many: 'AuditLogs' },
  'payload-jobs': { one: 'PayloadJob', many: 'PayloadJobs' },
}

const hasDrafts = (slug: CollectionSlug) => slug === 'stories' || slug === 'programs'

function refused(result: GraphQLResult, what: string): void {
  expect(
    result.errors?.map((e) => e.message),
    what,
  ).toContain(notAllowed)
}

/** Refused whole because it carries a field its writer may not write. */
function refusedField(result: GraphQLResult, what: string): void {
  const codes = (result.errors ?? []).map(
    (e) => (e as { extensions?: { data?: { code?: string } } }).extensions?.data?.code,
  )
  expect(codes, `${what}: ${JSON.stringify(result.errors)}`).toContain('fieldNotWritable')
}

function succeeded(result: GraphQLResult, what: string): void {
  expect(result.errors ?? [], `${what}: ${JSON.stringify(result.errors)}`).toEqual([])
}

for (const slug of collectionSlugs) {
  const { one, many } = names[slug]
  const draft = hasDrafts(slug) ? ', draft: true' : ''
  test.describe(`${slug} through GraphQL`, () => {
    for (const role of allRoles) {
      test(`${role}: ${describeOps(role, slug)}`, async () => {
        const headers = headersOf(staff, role)
        const label = `${role} ${slug} gql ${marker}`

        const created = await graphql(
          api,
          headers,
          `mutation ($data: mutation${one}Input!) { create${one}(data: $data${draft}) { id } }`,
          {
            data: newDocument(slug, `${label} new`),
          },
        )
        const createdId = (created.data?.[`create${one}`] as { id?: string } | null)?.id
        if (createdId) cleanup.add(slug, createdId)
        if (!may(role, 'create', slug)) refused(created, 'create')
        // GraphQL cannot carry the file an upload needs: allowed, it fails for that reason only.
        else if (isUpload(slug)) expect(created.errors?.map((e) => e.message)).not.toContain(notAllowed)
        else succeeded(created, 'create')

        const list = await graphql(api, headers, `{ ${many}(limit: 200${draft}) { totalDocs docs { id } } }`)
        if (may(role, 'read', slug)) succeeded(list, 'read')
        else refused(list, 'read')

        const updateTarget = await matrixTarget(fixtures, slug, role, 'update')
        const { field, value } = matrixWrite(slug, role, `${label} updated`)
        const updated = await graphql(
          api,
          headers,
          `mutation ($id: String!, $data: mutation${one}UpdateInput!) { update${one}(id: $id, data: $data${draft}) { id } }`,
          { id: updateTarget, data: { [field]: value } },
        )
        if (may(role, 'update', slug)) succeeded(updated, 'update')
        else refused(updated, 'update')
        if (slug !== 'payload-jobs') {
          const after = await adminRead(api, admin, slug, updateTarget)
          if (may(role, 'update', slug)) expect(after?.[field]).toBe(value)
          else expect(after?.[field]).not.toBe(value)
        }

        const deleteTarget = await matrixTarget(fixtures, slug, role, 'delete')
        const deleted = await graphql(api, headers, `mutation ($id: String!) { delete${one}(id: $id) { id } }`, {
          id: deleteTarget,
        })
        if (may(role, 'delete', slug)) succeeded(deleted, 'delete')
        else refused(deleted, 'delete')
        if (slug !== 'payload-jobs') {
          expect((await adminRead(api, admin, slug, deleteTarget)) !== null, 'the document still exists').toBe(
            !may(role, 'delete', slug),
          )
        }
      })
    }
  })
}

/** Payload's GraphQL names of the globals. */
const globalNames: Record<GlobalSlug, string> = {
  'site-settings': 'SiteSetting',
  navigation: 'Navigation',
  'get-involved': 'GetInvolved',
}

test.describe('globals through GraphQL', () => {
  for (const slug of globalSlugs) {
    for (const role of allRoles) {
      const name = globalNames[slug]
      test(`${slug}: ${role} ${may(role, 'update', slug) ? 'reads and updates' : 'reads only'}`, async () => {
        const headers = headersOf(staff, role)
        const read = await graphql(api, headers, `{ ${name} { updatedAt } }`)
        if (may(role, 'read', slug)) succeeded(read, 'read')
        else refused(read, 'read')

        const current = await (await api.get(`/api/globals/${slug}?locale=en&depth=0`, { headers: admin })).json()
        const { data, written, value } = globalWrite(slug, current, `${role} gql ${marker}`)
        // GraphQL asks for a group with a required field whole.
        const input =
          slug === 'get-involved' ? { ...data, storyCta: { target: current.storyCta?.target ?? 'give' } } : data
        const updated = await graphql(
          api,
          headers,
          `mutation ($data: mutation${name}Input!) { update${name}(data: $data) { updatedAt } }`,
          { data: input },
        )
        const after = await (await api.get(`/api/globals/${slug}?locale=en&depth=0`, { headers: admin })).json()
        if (may(role, 'update', slug)) {
          succeeded(updated, 'update')
          expect(written(after)).toBe(value)
        } else {
          refused(updated, 'update')
          expect(written(after)).not.toBe(value)
        }
      })
    }
  }

  test('an editor’s write to the consent-withdrawal policy is refused whole', async () => {
    const before = (await (await api.get('/api/globals/site-settings', { headers: admin })).json())
      .consentWithdrawalPolicy
    const other = before === 'redact' ? 'unpublish' : 'redact'
    const result = await graphql(
      api,
      staff.editor.headers,
      'mutation ($data: mutationSiteSettingInput!) { updateSiteSetting(data: $data) { tagline } }',
      { data: { consentWithdrawalPolicy: other, tagline: `Editor policy gql ${marker}` } },
    )
    refusedField(result, 'update')
    const after = await (await api.get('/api/globals/site-settings?locale=en', { headers: admin })).json()
    expect(after.tagline).not.toBe(`Editor policy gql ${marker}`)
    expect(after.consentWithdrawalPolicy).toBe(before)
  })
})

test.describe('field-level rules through GraphQL', () => {
  test('contributors and editors get no private fields of participants and leaders, and cannot filter on them', async () => {
    const created = await api.post('/api/participants', {
      headers: admin,
      data: {
        publicName: `Gql P ${marker}`,
        legalName: privateValue('participants.legalName', `Legal gql ${marker}`),
        notes: privateValue('participants.notes', `Notes gql ${marker}`),
        consent: validConsent(),
      },
    })
    const participant = (await created.json()).doc.id
    cleanup.add('participants', participant)
    const leader = await adminCreate(api, admin, 'leaders', `Gql L ${marker}`, cleanup)
    await api.patch(`/api/leaders/${leader}`, {
      headers: admin,
      data: { realName: privateValue('leaders.realName', `Real gql ${marker}`), consent: validConsent() },
    })

    for (const role of ['contributor', 'editor'] as const) {
      const result = await graphql(
        api,
        staff[role].headers,
        `
          query ($p: String!, $l: String!) {
            Participant(id: $p) {
              publicName
              legalName
              notes
              consent {
                status
              }
            }
            Leader(id: $l) {
              publicName
              realName
              consent {
                status
              }
            }
          }
        `,
        { p: participant, l: leader },
      )
      const text = JSON.stringify(result)
      for (const value of [`Legal gql ${marker}`, `Notes gql ${marker}`, `Real gql ${marker}`, 'written'])
        expect(text, role).not.toContain(value)
      expect((result.data?.Participant as { publicName?: string } | null)?.publicName, role).toBe(`Gql P ${marker}`)

      const oracle = await graphql(
        api,
        staff[role].headers,
        `{ Participants(where: { legalName: { equals: "Legal gql ${marker}" } }) { totalDocs } }`,
      )
      expect(
        (oracle.data?.Participants as { totalDocs?: number } | null)?.totalDocs ?? 0,
        `${role} filters on legalName`,
      ).toBe(0)
    }
    const bySafeguarding = await graphql(
      api,
      staff.safeguarding.headers,
      `{ Participant(id: "${participant}") { legalName consent { status } } }`,
    )
    expect(bySafeguarding.data?.Participant).toEqual({
      legalName: `Legal gql ${marker}`,
      consent: { status: 'written' },
    })
  })

  test('editors cannot write leaders’ private fields, safeguarding cannot write their public ones', async () => {
    const leader = await adminCreate(api, admin, 'leaders', `Gql W ${marker}`, cleanup)
    await api.patch(`/api/leaders/${leader}`, {
      headers: admin,
      data: { realName: privateValue('leaders.realName', `Real W ${marker}`) },
    })
    const update =
      'mutation ($id: String!, $data: mutationLeaderUpdateInput!) { updateLeader(id: $id, data: $data) { id } }'

    refusedField(
      await graphql(api, staff.editor.headers, update, {
        id: leader,
        data: { realName: privateValue('leaders.realName', `Editor ${marker}`), role: `Editor role ${marker}` },
      }),
      'editor',
    )
    let after = (await adminRead(api, admin, 'leaders', leader))!
    expect(after.realName).toBe(`Real W ${marker}`)
    expect(after.role).not.toBe(`Editor role ${marker}`)

    refusedField(
      await graphql(api, staff.safeguarding.headers, update, {
        id: leader,
        data: { publicName: `Renamed ${marker}`, realName: privateValue('leaders.realName', `Fixed ${marker}`) },
      }),
      'safeguarding',
    )
    after = (await adminRead(api, admin, 'leaders', leader))!
    expect(after.publicName).toBe(`Gql W ${marker}`)
    expect(after.realName).toBe(`Real W ${marker}`)
    succeeded(
      await graphql(api, staff.safeguarding.headers, update, { id: leader, data: { realName: `Fixed ${marker}` } }),
      'safeguarding',
    )
    expect((await adminRead(api, admin, 'leaders', leader))!.realName).toBe(`Fixed ${marker}`)
  })

  test('visitors get neither the review status nor the sign-off of a published story', async () => {
    const story = await adminCreate(api, admin, 'stories', `Gql review ${marker}`, cleanup)
    expect((await api.post(`/api/stories/${story}/sign-off`, { headers: staff.safeguarding.headers })).status()).toBe(
      200,
    )
    const published = await api.patch(`/api/stories/${story}`, {
      headers: staff.editor.headers,
      data: { _status: 'published', reviewStatus: 'approved' },
    })
    expect(published.status(), await published.text()).toBe(200)
    const query = `{ Story(id: "${story}") { title reviewStatus signOff { signedOffAt signedOffBy { id } } } }`
    const anonymous = await graphql(api, {}, query)
    const doc = anonymous.data?.Story as {
      title?: string
      reviewStatus?: unknown
      signOff?: { signedOffAt?: unknown } | null
    } | null
    expect(doc?.title).toBe(`Gql review ${marker}`)
    expect(doc?.reviewStatus ?? null).toBeNull()
    expect(doc?.signOff?.signedOffAt ?? null).toBeNull()
    const byStaff = await graphql(api, staff.contributor.headers, query)
    expect((byStaff.data?.Story as { reviewStatus?: string }).reviewStatus).toBe('approved')
  })

  test('nobody raises their own role', async () => {
    for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
      const result = await graphql(
        api,
        staff[role].headers,
        'mutation ($id: String!, $data: mutationUserUpdateInput!) { updateUser(id: $id, data: $data) { role } }',
        { id: staff[role].id, data: { role: 'admin' } },
      )
      expect(JSON.stringify(result)).not.toContain('"role":"admin"')
      refusedField(result, role)
      expect((await adminRead(api, admin, 'users', staff[role].id))!.role, role).toBe(role)
    }
  })

  test('contributors save drafts and submit them, but cannot publish or unpublish', async () => {
    const { headers } = staff.contributor
    const create =
      'mutation ($data: mutationStoryInput!, $draft: Boolean) { createStory(data: $data, draft: $draft) { id } }'
    const published = await graphql(api, headers, create, {
      data: { ...newDocument('stories', `Gql publish ${marker}`), _status: 'published' },
      draft: false,
    })
    const publishedId = (published.data?.createStory as { id?: string } | null)?.id
    if (publishedId) cleanup.add('stories', publishedId)
    expect(published.errors?.length ?? 0, 'publishing is refused').toBeGreaterThan(0)
    expect(publishedId).toBeUndefined()

    const draft = await graphql(api, headers, create, {
      data: newDocument('stories', `Gql draft ${marker}`),
      draft: true,
    })
    succeeded(draft, 'draft')
    const id = (draft.data!.createStory as { id: string }).id
    cleanup.add('stories', id)
    const update =
      'mutation ($id: String!, $data: mutationStoryUpdateInput!, $draft: Boolean) { updateStory(id: $id, data: $data, draft: $draft) { id } }'
    succeeded(await graphql(api, headers, update, { id, data: { reviewStatus: 'inReview' }, draft: true }), 'submit')
    expect((await adminRead(api, admin, 'stories', id))!.reviewStatus).toBe('inReview')

    for (const data of [{ _status: 'published' }, { title: `Not a draft ${marker}` }]) {
      const result = await graphql(api, headers, update, { id, data, draft: false })
      expect(result.errors?.length ?? 0, JSON.stringify(data)).toBeGreaterThan(0)
    }
    expect((await api.get(`/api/stories/${id}`)).status()).toBe(404)
    expect((await adminRead(api, admin, 'stories', id))!.title).toBe(`Gql draft ${marker}`)
  })
})
