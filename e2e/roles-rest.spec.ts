import { expect, test } from './fixtures'
import { privateValue } from './logs'

import {
  adminCreate,
  adminRead,
  allRoles,
  collectionSlugs,
  describeOps,
  globalSlugs,
  globalWrite,
  type Headers,
  headersOf,
  matrixTarget,
  matrixWrite,
  may,
  queryFor,
  restCreate,
  someJobId,
  storyBody,
  setUpRoleFixtures,
  validConsent,
} from './roles-helpers'

/**
 * Who may do what (access/accessTable.mjs) through REST over HTTP: every role against the
 * collections a client can make documents in and the editable globals, then the field-level
 * rules, the contributor's draft-only workflow, the sign-off endpoint and the jobs queue. Each
 * staff role gets its own account, made here and removed afterwards.
 */
const fixtures = setUpRoleFixtures('rr', { auditEntry: true })
const { cleanup } = fixtures
let api: typeof fixtures.api
let admin: Headers
let staff: typeof fixtures.staff
let marker = ''

test.beforeAll(() => {
  ;({ api, admin, staff, marker } = fixtures)
})

for (const slug of collectionSlugs) {
  test.describe(`${slug} through REST`, () => {
    for (const role of allRoles) {
      test(`${role}: ${describeOps(role, slug)}`, async () => {
        const headers = headersOf(staff, role)
        const label = `${role} ${slug} ${marker}`

        const created = await restCreate(api, headers, slug, `${label} new`)
        if (created.ok()) cleanup.add(slug, (await created.json()).doc.id)
        expect(created.status(), `create: ${await created.text()}`).toBe(may(role, 'create', slug) ? 201 : 403)

        const list = await api.get(`/api/${slug}${queryFor(slug)}&limit=200&depth=0`, { headers })
        expect(list.status(), `read: ${await list.text()}`).toBe(may(role, 'read', slug) ? 200 : 403)

        const updateTarget = await matrixTarget(fixtures, slug, role, 'update')
        const { field, value } = matrixWrite(slug, role, `${label} updated`)
        const updated = await api.patch(`/api/${slug}/${updateTarget}${queryFor(slug)}`, {
          headers,
          data: { [field]: value },
        })
        expect(updated.status(), `update: ${await updated.text()}`).toBe(may(role, 'update', slug) ? 200 : 403)
        if (slug !== 'payload-jobs') {
          const after = await adminRead(api, admin, slug, updateTarget)
          if (may(role, 'update', slug)) expect(after?.[field]).toBe(value)
          else expect(after?.[field]).not.toBe(value)
        }

        const deleteTarget = await matrixTarget(fixtures, slug, role, 'delete')
        const deleted = await api.delete(`/api/${slug}/${deleteTarget}`, { headers })
        expect(deleted.status(), `delete: ${await deleted.text()}`).toBe(may(role, 'delete', slug) ? 200 : 403)
        if (slug !== 'payload-jobs') {
          const exists = (await adminRead(api, admin, slug, deleteTarget)) !== null
          expect(exists, 'the document still exists').toBe(!may(role, 'delete', slug))
        }
      })
    }
  })
}

test.describe('read constraints', () => {
  test('anonymous visitors list published stories and programs only', async () => {
    const draftStory = await adminCreate(api, admin, 'stories', `Draft story ${marker}`, cleanup)
    const draftProgram = await adminCreate(api, admin, 'programs', `Draft program ${marker}`, cleanup)
    for (const [slug, id] of [
      ['stories', draftStory],
      ['programs', draftProgram],
    ] as const) {
      for (const query of ['?limit=200&depth=0', '?limit=200&depth=0&draft=true']) {
        const { docs } = await (await api.get(`/api/${slug}${query}`)).json()
        expect(docs.length, `${slug}${query} lists the published ones`).toBeGreaterThan(0)
        for (const doc of docs) expect(doc._status, `${slug} ${doc.id}`).toBe('published')
        expect(docs.map((d: { id: string }) => d.id)).not.toContain(id)
      }
      expect((await api.get(`/api/${slug}/${id}?draft=true`)).status()).toBe(404)
      // Every member of staff reads drafts.
      for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
        expect((await api.get(`/api/${slug}/${id}?draft=true`, { headers: staff[role].headers })).status(), role).toBe(
          200,
        )
      }
    }
  })

  test('staff other than admins see only their own account and cannot change anyone else’s', async () => {
    const other = await adminCreate(api, admin, 'users', `Other user ${marker}`, cleanup)
    for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
      const { headers, id } = staff[role]
      const { docs } = await (await api.get('/api/users?limit=200&depth=0', { headers })).json()
      expect(
        docs.map((d: { id: string }) => d.id),
        role,
      ).toEqual([id])
      expect([403, 404], `${role} reads another account`).toContain(
        (await api.get(`/api/users/${other}`, { headers })).status(),
      )
      const changed = await api.patch(`/api/users/${other}`, { headers, data: { name: `Renamed by ${role}` } })
      expect([403, 404], `${role} renames another account`).toContain(changed.status())
      expect((await adminRead(api, admin, 'users', other))?.name).toBe(`Other user ${marker}`)
    }
  })

  test('contributors change only the media they uploaded, and never who uploaded it', async () => {
    const own = await restCreate(api, staff.contributor.headers, 'media', `Own upload ${marker}`)
    expect(own.status(), await own.text()).toBe(201)
    const mine = (await own.json()).doc
    cleanup.add('media', mine.id)
    // Populated (she may read her own account) or an ID, depending on depth.
    expect(mine.uploadedBy?.id ?? mine.uploadedBy).toBe(staff.contributor.id)
    const others = await adminCreate(api, admin, 'media', `Admin upload ${marker}`, cleanup)
    const edit = (id: string, data: Record<string, unknown>) =>
      api.patch(`/api/media/${id}?depth=0`, { headers: staff.contributor.headers, data })
    expect((await edit(others, { caption: `Not hers ${marker}` })).status()).toBe(403)
    expect((await adminRead(api, admin, 'media', others))?.caption ?? null).toBeNull()
    const changed = await edit(mine.id, { caption: `Hers ${marker}`, uploadedBy: staff.editor.id })
    expect(changed.status(), await changed.text()).toBe(200)
    const after = await adminRead(api, admin, 'media', mine.id)
    expect([after?.caption, after?.uploadedBy]).toEqual([`Hers ${marker}`, staff.contributor.id])
  })

  test('only admins unlock an account', async () => {
    for (const role of ['anonymous', 'contributor', 'editor', 'safeguarding'] as const) {
      const response = await api.post('/api/users/unlock', {
        headers: headersOf(staff, role),
        data: { email: staff.contributor.email },
      })
      expect(response.status(), role).toBe(403)
    }
    const response = await api.post('/api/users/unlock', { headers: admin, data: { email: staff.contributor.email } })
    expect(response.status(), await response.text()).toBe(200)
  })
})

test.describe('globals through REST', () => {
  for (const slug of globalSlugs) {
    for (const role of allRoles) {
      test(`${slug}: ${role} ${may(role, 'update', slug) ? 'reads and updates' : 'reads only'}`, async () => {
        const headers = headersOf(staff, role)
        const read = await api.get(`/api/globals/${slug}?locale=en&depth=0`, { headers })
        expect(read.status()).toBe(may(role, 'read', slug) ? 200 : 403)
        const current = await (await api.get(`/api/globals/${slug}?locale=en&depth=0`, { headers: admin })).json()
        const { data, written, value } = globalWrite(slug, current, `${role} ${marker}`)
        const response = await api.post(`/api/globals/${slug}?locale=en`, { headers, data })
        expect(response.status(), await response.text()).toBe(may(role, 'update', slug) ? 200 : 403)
        const after = await (await api.get(`/api/globals/${slug}?locale=en&depth=0`, { headers: admin })).json()
        if (may(role, 'update', slug)) expect(written(after)).toBe(value)
        else expect(written(after)).not.toBe(value)
      })
    }
  }

  test('only admins change what happens when consent is withdrawn; an editor’s write of it is refused whole', async () => {
    const policy = async () =>
      (await (await api.get('/api/globals/site-settings?depth=0', { headers: admin })).json()).consentWithdrawalPolicy
    const before = await policy()
    const other = before === 'redact' ? 'unpublish' : 'redact'
    const byEditor = await api.post('/api/globals/site-settings?locale=en', {
      headers: staff.editor.headers,
      data: { consentWithdrawalPolicy: other, tagline: `Editor policy ${marker}` },
    })
    expect(byEditor.status(), await byEditor.text()).toBe(403)
    expect((await byEditor.json()).errors[0].data.code).toBe('fieldNotWritable')
    expect(await policy()).toBe(before)
    const tagline = (await (await api.get('/api/globals/site-settings?locale=en', { headers: admin })).json()).tagline
    expect(tagline).not.toBe(`Editor policy ${marker}`)
    try {
      const byAdmin = await api.post('/api/globals/site-settings', {
        headers: staff.admin.headers,
        data: { consentWithdrawalPolicy: other },
      })
      expect(byAdmin.status(), await byAdmin.text()).toBe(200)
      expect(await policy()).toBe(other)
    } finally {
      await api.post('/api/globals/site-settings', { headers: admin, data: { consentWithdrawalPolicy: before } })
    }
  })
})

test.describe('field-level rules', () => {
  const privateLeader = async (name: string) =>
    adminCreate(api, admin, 'leaders', name, cleanup).then(async (id) => {
      const response = await api.patch(`/api/leaders/${id}`, {
        headers: admin,
        data: { realName: privateValue('leaders.realName', `Real ${name}`), consent: validConsent() },
      })
      expect(response.ok(), await response.text()).toBe(true)
      return id
    })

  test('an editor’s write to a leader’s private fields is refused whole; public ones alone are saved', async () => {
    const id = await privateLeader(`Leader E ${marker}`)
    const response = await api.patch(`/api/leaders/${id}?locale=en`, {
      headers: staff.editor.headers,
      data: {
        realName: privateValue('leaders.realName', `Changed ${marker}`),
        consent: { status: 'none' },
        role: `Editor role ${marker}`,
      },
    })
    expect(response.status(), await response.text()).toBe(403)
    expect((await response.json()).errors[0].data.code).toBe('fieldNotWritable')
    const after = (await adminRead(api, admin, 'leaders', id))!
    expect(after.realName).toBe(`Real Leader E ${marker}`)
    expect((after.consent as { status: string }).status).toBe('written')
    expect(after.role).not.toBe(`Editor role ${marker}`)
    const publicOnly = await api.patch(`/api/leaders/${id}?locale=en`, {
      headers: staff.editor.headers,
      data: { role: `Editor role ${marker}` },
    })
    expect(publicOnly.status(), await publicOnly.text()).toBe(200)
    expect((await adminRead(api, admin, 'leaders', id))!.role).toBe(`Editor role ${marker}`)

    const before = (await (await api.get('/api/leaders?limit=0', { headers: admin })).json()).totalDocs
    const created = await api.post('/api/leaders', {
      headers: staff.editor.headers,
      data: { publicName: `New E ${marker}`, realName: privateValue('leaders.realName', `Secret E ${marker}`) },
    })
    expect(created.status(), await created.text()).toBe(403)
    expect((await (await api.get('/api/leaders?limit=0', { headers: admin })).json()).totalDocs).toBe(before)
  })

  test('safeguarding’s write to a leader’s public fields is refused whole; private ones alone are saved', async () => {
    const id = await privateLeader(`Leader S ${marker}`)
    const response = await api.patch(`/api/leaders/${id}?locale=en`, {
      headers: staff.safeguarding.headers,
      data: {
        publicName: `Renamed ${marker}`,
        role: `Safeguarding role ${marker}`,
        realName: privateValue('leaders.realName', `Corrected ${marker}`),
      },
    })
    expect(response.status(), await response.text()).toBe(403)
    expect((await response.json()).errors[0].data.code).toBe('fieldNotWritable')
    const after = (await adminRead(api, admin, 'leaders', id))!
    expect(after.publicName).toBe(`Leader S ${marker}`)
    expect(after.role).toBe(`Leader S ${marker}`)
    expect(after.realName).toBe(`Real Leader S ${marker}`)
    const privateOnly = await api.patch(`/api/leaders/${id}?locale=en`, {
      headers: staff.safeguarding.headers,
      data: { realName: `Corrected ${marker}` },
    })
    expect(privateOnly.status(), await privateOnly.text()).toBe(200)
    expect((await adminRead(api, admin, 'leaders', id))!.realName).toBe(`Corrected ${marker}`)
  })

  test('contributors, editors and visitors never receive private fields of participants and leaders', async () => {
    const secret = {
      legalName: privateValue('participants.legalName', `Legal P ${marker}`),
      notes: privateValue('participants.notes', `Notes P ${marker}`),
    }
    const created = await api.post('/api/participants', {
      headers: admin,
      data: {
        publicName: `Private P ${marker}`,
        ...secret,
        consent: { ...validConsent(), withdrawalReason: privateValue('participants.consent', `Reason ${marker}`) },
      },
    })
    expect(created.ok()).toBe(true)
    const participant = (await created.json()).doc.id
    cleanup.add('participants', participant)
    const leader = await privateLeader(`Private L ${marker}`)

    for (const role of ['contributor', 'editor'] as const) {
      const { headers } = staff[role]
      for (const path of [
        `/api/participants/${participant}?depth=2`,
        '/api/participants?limit=200&depth=2',
        `/api/leaders/${leader}`,
      ]) {
        const response = await api.get(path, { headers })
        expect(response.status(), `${role} ${path}`).toBe(200)
        const body = await response.text()
        for (const value of [...Object.values(secret), `Real Private L ${marker}`, `Reason ${marker}`])
          expect(body, `${role} ${path}`).not.toContain(value)
        expect(body, `${role} ${path}`).not.toContain('"consent"')
      }
      const one = await (await api.get(`/api/participants/${participant}`, { headers })).json()
      expect(one.publicName).toBe(`Private P ${marker}`)
      // Filtering on a private field would reveal it one guess at a time.
      const oracle = await api.get(
        `/api/participants?where[legalName][equals]=${encodeURIComponent(secret.legalName)}`,
        { headers },
      )
      if (oracle.ok()) expect((await oracle.json()).totalDocs, `${role} filters on legalName`).toBe(0)
    }
    const anonymous = await (await api.get(`/api/leaders/${leader}`)).text()
    expect(anonymous).not.toContain(`Real Private L ${marker}`)
    expect(anonymous).not.toContain('"consent"')
    // The people allowed to see them do.
    const bySafeguarding = await (
      await api.get(`/api/participants/${participant}`, { headers: staff.safeguarding.headers })
    ).json()
    expect(bySafeguarding.legalName).toBe(secret.legalName)
    expect(bySafeguarding.consent.status).toBe('written')
  })

  test('nobody raises their own role', async () => {
    for (const role of ['contributor', 'editor', 'safeguarding'] as const) {
      const { headers, id } = staff[role]
      const response = await api.patch(`/api/users/${id}`, {
        headers,
        data: { role: 'admin', name: `Still ${role} ${marker}` },
      })
      expect(response.status(), `${role}: ${await response.text()}`).toBe(403)
      expect((await response.json()).errors[0].data.code).toBe('fieldNotWritable')
      const after = (await adminRead(api, admin, 'users', id))!
      expect(after.role, role).toBe(role)
      expect(after.name).not.toBe(`Still ${role} ${marker}`)
      const me = await (await api.get('/api/users/me', { headers })).json()
      expect(me.user.role).toBe(role)
    }
  })
})

/** A story with nobody in it, as a draft by the given author. */
async function draftStory(headers: Headers, label: string): Promise<string> {
  const response = await api.post('/api/stories?draft=true&locale=en', {
    headers,
    data: {
      title: label,
      slug: label.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      body: storyBody(label),
      _status: 'draft',
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  const id = (await response.json()).doc.id
  cleanup.add('stories', id)
  return id
}

async function storyAsAdmin(id: string, draft = true): Promise<Record<string, unknown>> {
  return (await api.get(`/api/stories/${id}?draft=${draft}&depth=0`, { headers: admin })).json()
}

async function isPublic(id: string): Promise<boolean> {
  return (await api.get(`/api/stories/${id}`)).status() === 200
}

test.describe('the story workflow', () => {
  test('contributors save drafts and submit them for review, but cannot approve them', async () => {
    const { headers } = staff.contributor
    const id = await draftStory(headers, `Contributor draft ${marker}`)
    const saved = await api.patch(`/api/stories/${id}?draft=true&locale=en`, {
      headers,
      data: { title: `Contributor draft ${marker} v2` },
    })
    expect(saved.status(), await saved.text()).toBe(200)
    expect((await storyAsAdmin(id)).reviewStatus).toBe('draft')

    const submitted = await api.patch(`/api/stories/${id}?draft=true`, { headers, data: { reviewStatus: 'inReview' } })
    expect(submitted.status(), await submitted.text()).toBe(200)
    expect((await storyAsAdmin(id)).reviewStatus).toBe('inReview')

    await api.patch(`/api/stories/${id}?draft=true`, { headers, data: { reviewStatus: 'approved' } })
    expect((await storyAsAdmin(id)).reviewStatus).not.toBe('approved')
    expect(await isPublic(id)).toBe(false)
  })

  test('contributors cannot publish, by creating or by updating', async () => {
    const { headers } = staff.contributor
    const slug = `contributor-publish-${marker}`
    for (const query of ['', '?draft=true']) {
      const created = await api.post(`/api/stories${query}`, {
        headers,
        data: { title: `Contributor publish ${marker}`, slug, body: storyBody('Published?'), _status: 'published' },
      })
      if (created.ok()) cleanup.add('stories', (await created.json()).doc.id)
      expect(created.status(), `create${query}: ${await created.text()}`).toBe(403)
    }
    expect(
      (await (await api.get(`/api/stories?where[slug][equals]=${slug}&draft=true`, { headers: admin })).json())
        .totalDocs,
    ).toBe(0)

    const id = await draftStory(headers, `Contributor update ${marker}`)
    for (const query of ['', '?draft=true']) {
      const published = await api.patch(`/api/stories/${id}${query}`, { headers, data: { _status: 'published' } })
      expect(published.status(), `publish${query}: ${await published.text()}`).toBe(403)
    }
    // A save that is not a draft save is refused too, whatever it changes.
    const notDraft = await api.patch(`/api/stories/${id}`, { headers, data: { title: `Not a draft ${marker}` } })
    expect(notDraft.status(), await notDraft.text()).toBe(403)
    expect(await isPublic(id)).toBe(false)
    expect((await storyAsAdmin(id, false))._status).toBe('draft')
  })

  test('editors publish and unpublish; contributors cannot unpublish or restore a published version', async () => {
    const id = await draftStory(staff.editor.headers, `Editor publishes ${marker}`)
    const published = await api.patch(`/api/stories/${id}`, {
      headers: staff.editor.headers,
      data: { _status: 'published' },
    })
    expect(published.status(), await published.text()).toBe(200)
    expect(await isPublic(id)).toBe(true)

    const unpublish = await api.patch(`/api/stories/${id}`, {
      headers: staff.contributor.headers,
      data: { _status: 'draft' },
    })
    expect(unpublish.status(), await unpublish.text()).toBe(403)
    expect(await isPublic(id)).toBe(true)

    const unpublished = await api.patch(`/api/stories/${id}`, {
      headers: staff.editor.headers,
      data: { _status: 'draft' },
    })
    expect(unpublished.status(), await unpublished.text()).toBe(200)
    expect(await isPublic(id)).toBe(false)

    // Restoring the published version (not as a draft) would publish it again.
    const versions = await (
      await api.get(
        `/api/stories/versions?where[parent][equals]=${id}&where[version._status][equals]=published&depth=0`,
        { headers: admin },
      )
    ).json()
    expect(versions.totalDocs).toBeGreaterThan(0)
    const restore = await api.post(`/api/stories/versions/${versions.docs[0].id}`, {
      headers: staff.contributor.headers,
    })
    expect(restore.status(), await restore.text()).toBe(403)
    expect(await isPublic(id)).toBe(false)
  })

  test('nobody writes the sign-off through create or update', async () => {
    const id = await draftStory(staff.editor.headers, `Forged sign-off ${marker}`)
    const forged = { signedOffBy: staff.safeguarding.id, signedOffAt: new Date().toISOString(), fingerprint: 'forged' }
    for (const role of ['editor', 'admin'] as const) {
      await api.patch(`/api/stories/${id}?draft=true`, { headers: staff[role].headers, data: { signOff: forged } })
      const signOff = (await storyAsAdmin(id)).signOff as { signedOffAt?: string | null } | undefined
      expect(signOff?.signedOffAt ?? null, role).toBeNull()
    }
    const created = await api.post('/api/stories?draft=true&locale=en', {
      headers: staff.editor.headers,
      data: { title: `Forged on create ${marker}`, body: storyBody('Forged.'), _status: 'draft', signOff: forged },
    })
    expect(created.status(), await created.text()).toBe(201)
    const createdId = (await created.json()).doc.id
    cleanup.add('stories', createdId)
    expect(
      ((await storyAsAdmin(createdId)).signOff as { signedOffAt?: string | null } | undefined)?.signedOffAt ?? null,
    ).toBeNull()
  })

  test('visitors never receive the review status or the sign-off; staff do', async () => {
    const id = await draftStory(staff.editor.headers, `Reviewed ${marker}`)
    expect((await api.post(`/api/stories/${id}/sign-off`, { headers: staff.safeguarding.headers })).status()).toBe(200)
    const published = await api.patch(`/api/stories/${id}`, {
      headers: staff.editor.headers,
      data: { _status: 'published', reviewStatus: 'approved' },
    })
    expect(published.status(), await published.text()).toBe(200)
    for (const path of [
      `/api/stories/${id}?depth=2`,
      `/api/stories?where[id][equals]=${id}&depth=2`,
      `/api/stories/${id}?draft=true`,
    ]) {
      const body = await (await api.get(path)).json()
      const doc = body.docs ? body.docs[0] : body
      expect(doc?.id, path).toBe(id)
      expect(doc, path).not.toHaveProperty('reviewStatus')
      expect(doc, path).not.toHaveProperty('signOff')
    }
    const byContributor = await (await api.get(`/api/stories/${id}`, { headers: staff.contributor.headers })).json()
    expect(byContributor.reviewStatus).toBe('approved')
    expect(byContributor.signOff.signedOffAt).toBeTruthy()
  })
})

test.describe('the sign-off endpoint', () => {
  test('safeguarding and admins sign off; anyone else is refused', async () => {
    const id = await draftStory(staff.editor.headers, `Sign-off ${marker}`)
    expect((await api.post(`/api/stories/${id}/sign-off`)).status()).toBe(401)
    for (const role of ['contributor', 'editor'] as const) {
      const response = await api.post(`/api/stories/${id}/sign-off`, { headers: staff[role].headers })
      expect(response.status(), `${role}: ${await response.text()}`).toBe(403)
    }
    expect(
      ((await storyAsAdmin(id)).signOff as { signedOffAt?: string | null } | undefined)?.signedOffAt ?? null,
    ).toBeNull()

    for (const role of ['safeguarding', 'admin'] as const) {
      const before = Date.now()
      const response = await api.post(`/api/stories/${id}/sign-off`, { headers: staff[role].headers })
      expect(response.status(), `${role}: ${await response.text()}`).toBe(200)
      const { signOff } = await response.json()
      const by = typeof signOff.signedOffBy === 'object' ? signOff.signedOffBy?.id : signOff.signedOffBy
      expect(by, role).toBe(staff[role].id)
      expect(new Date(signOff.signedOffAt).getTime()).toBeGreaterThanOrEqual(before - 60_000)
      const stored = (await storyAsAdmin(id)).signOff as { signedOffBy: string; signedOffAt: string }
      expect(stored.signedOffBy).toBe(staff[role].id)
    }
    const unknown = await api.post('/api/stories/00000000-0000-4000-8000-000000000000/sign-off', {
      headers: staff.safeguarding.headers,
    })
    expect(unknown.status()).toBe(404)
  })

  test('safeguarding signs off but cannot change the story', async () => {
    const id = await draftStory(staff.editor.headers, `Safeguarding edits ${marker}`)
    for (const query of ['?draft=true', '']) {
      const response = await api.patch(`/api/stories/${id}${query}`, {
        headers: staff.safeguarding.headers,
        data: { title: `Changed ${marker}` },
      })
      expect(response.status(), `update${query}`).toBe(403)
    }
    expect((await storyAsAdmin(id)).title).toBe(`Safeguarding edits ${marker}`)
  })
})

test.describe('the jobs queue', () => {
  test('no role reads jobs, one by one or by counting', async () => {
    for (const role of allRoles) {
      const headers = headersOf(staff, role)
      expect((await api.get('/api/payload-jobs', { headers })).status(), `${role} lists jobs`).toBe(403)
      expect((await api.get(`/api/payload-jobs/${someJobId}`, { headers })).status(), `${role} reads a job`).toBe(403)
      expect((await api.get('/api/payload-jobs/count', { headers })).status(), `${role} counts jobs`).toBe(403)
    }
  })

  test('only admins may run the queue or its schedules', async () => {
    for (const role of ['anonymous', 'contributor', 'editor', 'safeguarding'] as const) {
      const headers = headersOf(staff, role)
      for (const path of [
        '/api/payload-jobs/run',
        '/api/payload-jobs/run?allQueues=true',
        '/api/payload-jobs/handle-schedules',
      ]) {
        const response = await api.get(path, { headers })
        expect([401, 403], `${role} ${path}: ${response.status()} ${await response.text()}`).toContain(
          response.status(),
        )
      }
      // The stats the queue keeps for its schedules belong to the system too.
      const read = await api.get('/api/globals/payload-jobs-stats', { headers })
      expect([401, 403, 404], `${role} reads the job stats: ${read.status()}`).toContain(read.status())
      const write = await api.post('/api/globals/payload-jobs-stats', { headers, data: { stats: {} } })
      expect([401, 403, 404], `${role} writes the job stats: ${write.status()}`).toContain(write.status())
    }
  })
})
