import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import sharp from 'sharp'

import { type AccessRow, conditionOf, may, type Operation, type Who } from '@/access/accessTable.mjs'
import type { User } from '@/payload-types'
import { richText } from '@/seed/richText'

import { createStory, signedOff, writtenConsent } from './content'
import { createStaff, requestAs } from './payload'

/**
 * What the tests generated from access/accessTable.mjs try, for each row, role and operation:
 * the document each attempt acts on, made beforehand with system rights, and the data it sends.
 * An allowed operation under a condition is tried inside it (allowed) and just outside it
 * (refused: a draft where only published ones are read, a colleague's account, upload or lock).
 *
 * Each collection needs a fixture here; a row without one fails the tests, by name.
 */

export type StaffWho = Exclude<Who, 'anonymous'>
export const staffWhos: StaffWho[] = ['contributor', 'editor', 'safeguarding', 'admin']

export type World = {
  payload: Payload
  staff: Record<StaffWho, User>
  /** Another contributor: whose account, uploads, locks and preferences are nobody else's own. */
  stranger: User
}

/** Sets up one account per role, another contributor, and the globals' required fields. */
export async function makeWorld(payload: Payload): Promise<World> {
  const staff = {} as Record<StaffWho, User>
  for (const who of staffWhos) staff[who] = await createStaff(payload, who)
  const stranger = await createStaff(payload, 'contributor')
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Voices access test' } })
  return { payload, staff, stranger }
}

export const userOf = (world: World, who: Who): User | null => (who === 'anonymous' ? null : world.staff[who])

let n = 0
/** A label no other attempt uses. */
export const label = (what: string) => `${what} ${(n += 1)}`

type Variant = 'plain' | 'published' | 'draft' | 'shown' | 'public'
type Data = Record<string, unknown>
export type Change = { data: Data; changed: (doc: Data) => boolean }

export type FileData = { data: Buffer; mimetype: string; name: string; size: number }

type CollectionFixture = {
  /** Versions with drafts: writes are draft saves, reads see the latest draft. */
  drafts?: boolean
  /** An upload collection: a create carries a file. */
  upload?: boolean
  /** A valid new document, as `who` would send it. */
  newData: (world: World, who: Who) => Promise<Data> | Data
  /** A document made with system rights, as `owner` where ownership matters. */
  make: (world: World, variant: Variant, owner?: User) => Promise<string>
  /** A change `who` may make when allowed to update, and how to see it was stored. */
  change: (world: World, who: Who) => Change
  /**
   * Payload's preferences: REST reads and deletes one by its key, the caller's own only
   * (`/api/payload-preferences/:key`), and answers a key the caller has none under with no value.
   */
  restByKey?: boolean
}

type GlobalFixture = { change: (world: World, who: Who) => Change }

const id = (doc: { id: string | number }) => String(doc.id)
const same = (field: string, value: unknown) => (doc: Data) => JSON.stringify(doc[field]) === JSON.stringify(value)
const set = (field: string, value: unknown): Change => ({ data: { [field]: value }, changed: same(field, value) })

/** A small PNG, different each time. */
export async function png(): Promise<FileData> {
  n += 1
  const data = await sharp({
    create: {
      width: 24,
      height: 16,
      channels: 3,
      background: `#${((n * 7919) % 0xffffff).toString(16).padStart(6, '0')}`,
    },
  })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `access-${n}.png`, size: data.length }
}

async function story(world: World, variant: Variant): Promise<string> {
  if (variant === 'published') return id(await createStory(world.payload))
  const doc = await world.payload.create({
    collection: 'stories',
    data: { title: label('Access story'), slug: '', body: richText('A draft.'), _status: 'draft' },
    draft: true,
  })
  return id(doc)
}

async function media(world: World, variant: Variant, owner?: User): Promise<string> {
  const { payload } = world
  const doc = await payload.create({
    collection: 'media',
    data: { alt: label('Access image') },
    file: await png(),
    ...(owner ? { req: await requestAs(payload, owner) } : {}),
  })
  // Public once a published story shows it (privacy/media/visibility.ts).
  if (variant === 'public') await createStory(payload, { heroImage: doc.id })
  return id(doc)
}

const userRef = (user: User) => ({ relationTo: 'users' as const, value: user.id })

export const collectionFixtures: Record<string, CollectionFixture> = {
  stories: {
    drafts: true,
    newData: () => ({ title: label('New story'), slug: '', body: richText('A new story.'), _status: 'draft' }),
    make: (world, variant) => story(world, variant),
    change: () => set('excerpt', label('Changed excerpt')),
  },
  programs: {
    drafts: true,
    newData: () => ({ name: label('New program'), slug: '', status: 'active', _status: 'draft' }),
    make: async ({ payload }, variant) => {
      const published = variant === 'published'
      const doc = await payload.create({
        collection: 'programs',
        data: { name: label('Access program'), slug: '', status: 'active', _status: published ? 'published' : 'draft' },
        draft: !published,
        context: signedOff,
      })
      return id(doc)
    },
    change: () => set('summary', label('Changed summary')),
  },
  tags: {
    newData: () => ({ name: label('New tag'), slug: '' }),
    make: async ({ payload }) =>
      id(await payload.create({ collection: 'tags', data: { name: label('Access tag'), slug: '' } })),
    change: () => set('name', label('Changed tag')),
  },
  leaders: {
    newData: () => ({ publicName: label('New leader') }),
    make: async ({ payload }, variant) => {
      const consent = variant === 'shown' ? { consent: writtenConsent(['name']) } : {}
      return id(
        await payload.create({ collection: 'leaders', data: { publicName: label('Access leader'), ...consent } }),
      )
    },
    // Editors write the public fields, safeguarding the private ones.
    change: (_, who) => (who === 'safeguarding' ? set('realName', label('Real name')) : set('role', label('Role'))),
  },
  participants: {
    newData: () => ({ publicName: label('New participant') }),
    make: async ({ payload }) =>
      id(await payload.create({ collection: 'participants', data: { publicName: label('Access participant') } })),
    change: () => set('publicName', label('Changed participant')),
  },
  'consent-evidence': {
    upload: true,
    newData: () => ({ note: label('New evidence') }),
    make: async ({ payload }) =>
      id(
        await payload.create({ collection: 'consent-evidence', data: { note: label('Evidence') }, file: await png() }),
      ),
    change: () => set('note', label('Changed note')),
  },
  media: {
    upload: true,
    newData: () => ({ alt: label('New image') }),
    make: media,
    change: () => set('credit', label('Credit')),
  },
  redirects: {
    newData: async (world) => ({
      from: label('old-slug').replace(' ', '-'),
      to: { relationTo: 'stories', value: await story(world, 'published') },
    }),
    make: async (world) =>
      id(
        await world.payload.create({
          collection: 'redirects',
          data: {
            from: label('old-slug').replace(' ', '-'),
            to: { relationTo: 'stories', value: await story(world, 'published') },
          },
        }),
      ),
    change: () => set('from', label('other-slug').replace(' ', '-')),
  },
  inquiries: {
    newData: () => ({
      name: label('Supporter'),
      email: `supporter-${n}@example.org`,
      interest: 'question',
      message: 'A question.',
      consentToContact: true,
      status: 'new',
    }),
    make: async ({ payload }) =>
      id(
        await payload.create({
          collection: 'inquiries',
          data: {
            name: label('Supporter'),
            email: `inquiry-${n}@example.org`,
            interest: 'question',
            message: 'A question.',
            consentToContact: true,
            status: 'new',
            locale: 'en',
          },
        }),
      ),
    change: () => set('status', 'answered'),
  },
  subscribers: {
    newData: () => ({ email: `new-subscriber-${(n += 1)}@example.org`, status: 'confirmed', locale: 'en' }),
    make: async ({ payload }) =>
      id(
        await payload.create({
          collection: 'subscribers',
          data: { email: `subscriber-${(n += 1)}@example.org`, status: 'confirmed', locale: 'en' },
        }),
      ),
    change: () => set('status', 'unsubscribed'),
  },
  users: {
    newData: () => ({
      email: `new-staff-${(n += 1)}@example.org`,
      password: 'correct horse battery staple',
      role: 'contributor',
    }),
    make: async ({ payload }) => id(await createStaff(payload, 'contributor')),
    change: () => set('name', label('Renamed')),
  },
  'audit-log': {
    newData: () => ({
      at: new Date().toISOString(),
      action: 'read',
      documentCollection: 'participants',
      summary: label('Forged'),
    }),
    make: async ({ payload }) =>
      id(
        await payload.create({
          collection: 'audit-log',
          data: {
            at: new Date().toISOString(),
            action: 'read',
            documentCollection: 'participants',
            summary: label('Entry'),
          },
        }),
      ),
    change: () => set('summary', label('Rewritten')),
  },
  'story-stats': {
    newData: async (world) => ({ story: await story(world, 'published'), locale: 'en', day: '2020-01-01', views: 1 }),
    make: async (world) =>
      id(
        await world.payload.create({
          collection: 'story-stats',
          data: { story: await story(world, 'published'), locale: 'en', day: '2020-01-02', views: 1, clicks: 0 },
        }),
      ),
    change: () => set('views', 1000),
  },
  'payload-jobs': {
    newData: () => ({ taskSlug: 'removeBlankDrafts', input: {} }),
    make: async ({ payload }) =>
      id(
        await payload.create({
          collection: 'payload-jobs',
          data: {
            taskSlug: 'removeBlankDrafts',
            input: {},
            waitUntil: new Date(Date.now() + 86_400_000).toISOString(),
          },
        }),
      ),
    change: () => set('processing', true),
  },
  // A lock is on something its holder may edit: every member of staff may edit her own account.
  'payload-locked-documents': {
    newData: (world, who) => {
      const self = userOf(world, who) ?? world.stranger
      return { document: userRef(self), user: userRef(self) }
    },
    make: async ({ payload, stranger }, _, owner) =>
      id(
        await payload.create({
          collection: 'payload-locked-documents',
          data: { globalSlug: 'navigation', user: userRef(owner ?? stranger) },
        }),
      ),
    change: (world, who) => set('document', userRef(userOf(world, who) ?? world.stranger)),
  },
  'payload-preferences': {
    restByKey: true,
    newData: () => ({ key: label('preference'), value: { columns: ['title'] } }),
    make: async ({ payload, stranger }, _, owner) =>
      id(
        await payload.create({
          collection: 'payload-preferences',
          data: { key: label('preference'), value: { columns: ['title'] }, user: userRef(owner ?? stranger) },
          req: await requestAs(payload, owner ?? stranger),
        }),
      ),
    change: () => set('value', { columns: [label('column')] }),
  },
  'payload-migrations': {
    newData: () => ({ name: label('migration'), batch: 99 }),
    make: async ({ payload }) =>
      id(await payload.create({ collection: 'payload-migrations', data: { name: label('migration'), batch: 99 } })),
    change: () => set('name', label('renamed migration')),
  },
  'payload-kv': {
    newData: () => ({ key: label('key'), data: { forged: true } }),
    make: async ({ payload }) =>
      id(await payload.create({ collection: 'payload-kv', data: { key: label('key'), data: { kept: true } } })),
    change: () => set('data', { forged: true }),
  },
}

export const globalFixtures: Record<string, GlobalFixture> = {
  'site-settings': { change: () => set('tagline', label('Tagline')) },
  'get-involved': {
    change: () => {
      const campaign = `campaign-${(n += 1)}`
      // GraphQL asks for the group with a required field whole.
      return { data: { campaign, storyCta: { target: 'give' } }, changed: same('campaign', campaign) }
    },
  },
  navigation: {
    change: () => {
      const text = label('Link')
      return {
        data: { header: [{ label: text, path: '/stories' }] },
        changed: (doc) => (doc.header as Array<{ label: string }> | undefined)?.[0]?.label === text,
      }
    },
  },
  'payload-jobs-stats': { change: () => set('stats', { forged: true }) },
}

/** One thing a role tries: on a document (`id`), with data, as a draft save or not. */
export type Attempt = {
  /** What is tried, for failure messages. */
  what: string
  allowed: boolean
  /** Refused by a condition: the document may be hidden (404) rather than forbidden (403). */
  hidden: boolean
  id?: string
  data?: Data
  change?: Change
  draft?: boolean
}

export function fixtureOf(row: AccessRow): CollectionFixture {
  const fixture = collectionFixtures[row.slug]
  if (!fixture) throw new Error(`No fixture for the collection ${row.slug} in tests/helpers/accessTable.ts`)
  return fixture
}

export function globalFixtureOf(row: AccessRow): GlobalFixture {
  const fixture = globalFixtures[row.slug]
  if (!fixture) throw new Error(`No fixture for the global ${row.slug} in tests/helpers/accessTable.ts`)
  return fixture
}

/**
 * What `who` tries for `op` on a collection row: one attempt when the table gives no condition,
 * otherwise attempts inside the condition (allowed) and outside it (refused).
 */
export async function attemptsFor(world: World, row: AccessRow, who: Who, op: Operation): Promise<Attempt[]> {
  const fixture = fixtureOf(row)
  const allowed = may(who, op, row.slug)
  const condition = conditionOf(who, op, row.slug)
  const user = userOf(world, who)
  const draft = fixture.drafts
  const made = (variant: Variant = fixture.drafts ? 'draft' : 'plain', owner?: User) =>
    fixture.make(world, variant, owner)
  const change = () => fixture.change(world, who)
  const plain = (what: string, fields: Partial<Attempt>): Attempt => ({
    what,
    allowed,
    hidden: false,
    draft,
    ...fields,
  })
  const inside = (what: string, fields: Partial<Attempt>): Attempt => ({
    what,
    allowed: true,
    hidden: false,
    draft,
    ...fields,
  })
  const outside = (what: string, fields: Partial<Attempt>): Attempt => ({
    what,
    allowed: false,
    hidden: true,
    draft,
    ...fields,
  })
  // Where ownership matters and nobody in particular is asking, the document is the stranger's.
  const owned = ['payload-locked-documents', 'payload-preferences'].includes(row.slug) ? world.stranger : undefined

  if (!condition) {
    if (op === 'create') return [plain('a new document', { data: await fixture.newData(world, who) })]
    if (op === 'read') return [plain('a document', { id: await made(undefined, owned) })]
    if (op === 'update') return [plain('a document', { id: await made(undefined, owned), change: change() })]
    return [plain('a document', { id: await made(undefined, owned) })]
  }
  if (!user && condition !== 'published' && condition !== 'shownOnSite' && condition !== 'publicMedia') {
    throw new Error(`${row.slug}: the condition ${condition} needs a signed-in user`)
  }
  const self = user!
  switch (condition) {
    case 'published':
      return [
        inside('a published document', { id: await made('published') }),
        outside('a draft', { id: await made('draft') }),
      ]
    case 'shownOnSite':
      return [
        inside('a leader shown on the site', { id: await made('shown') }),
        outside('a leader not shown', { id: await made('plain') }),
      ]
    case 'publicMedia':
      return [
        inside('an image a published story shows', { id: await made('public') }),
        outside('an unused image', { id: await made('plain') }),
      ]
    case 'drafts': {
      if (op === 'create') {
        const data = await fixture.newData(world, who)
        return [
          inside('a new draft', { data }),
          outside('a new published document', { data: { ...data, _status: 'published' }, draft: false, hidden: false }),
        ]
      }
      return [
        inside('a draft save', { id: await made('draft'), change: change() }),
        outside('publishing', { id: await made('draft'), data: { _status: 'published' }, draft: false, hidden: false }),
      ]
    }
    case 'ownAccount':
      return [
        inside('her own account', { id: String(self.id), ...(op === 'update' ? { change: change() } : {}) }),
        outside('a colleague’s account', { id: await made('plain'), ...(op === 'update' ? { change: change() } : {}) }),
      ]
    case 'ownUploadsUntilPublic':
      return [
        inside('her own upload', { id: await made('plain', self), change: change() }),
        outside('a colleague’s upload', { id: await made('plain', world.stranger), change: change() }),
        outside('her own upload, once public', { id: await made('public', self), change: change() }),
      ]
    case 'inOwnName': {
      if (op === 'create') {
        return [
          inside('a lock in her own name', { data: { document: userRef(self), user: userRef(self) } }),
          outside('a lock in a colleague’s name', {
            data: { document: userRef(self), user: userRef(world.stranger) },
            hidden: false,
          }),
          ...(who === 'admin'
            ? []
            : [
                outside('a lock on what she may not edit', {
                  data: { document: userRef(world.stranger), user: userRef(self) },
                  hidden: false,
                }),
              ]),
        ]
      }
      // Taking over a lock, as the admin's "Take over" does, on what she may edit.
      const takeOver = { user: userRef(self), document: userRef(self) }
      const giveAway = { user: userRef(world.stranger) }
      return [
        inside('her own lock', { id: await made('plain', self), change: change() }),
        inside('taking over a colleague’s lock', {
          id: await made('plain', world.stranger),
          change: { data: takeOver, changed: (doc) => relationValue(doc.user) === String(self.id) },
        }),
        outside('a colleague’s lock', { id: await made('plain', world.stranger), change: change() }),
        outside('putting her lock in a colleague’s name', {
          id: await made('plain', self),
          change: { data: giveAway, changed: (doc) => relationValue(doc.user) === String(world.stranger.id) },
        }),
      ]
    }
    case 'ownLocks':
    case 'ownPreferences':
      return [
        inside('her own', { id: await made('plain', self), ...(op === 'update' ? { change: change() } : {}) }),
        outside('a colleague’s', {
          id: await made('plain', world.stranger),
          ...(op === 'update' ? { change: change() } : {}),
        }),
      ]
  }
}

function relationValue(value: unknown): string | undefined {
  const inner = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value
  if (inner && typeof inner === 'object' && 'id' in inner) return String((inner as { id: unknown }).id)
  return inner === undefined || inner === null ? undefined : String(inner)
}

/** The stored document, read with system rights (the latest draft where there are drafts), or null. */
export async function stored(world: World, row: AccessRow, docId: string): Promise<Data | null> {
  const doc = await world.payload.findByID({
    collection: row.slug as CollectionSlug,
    id: docId,
    depth: 0,
    draft: fixtureOf(row).drafts,
    disableErrors: true,
  })
  return (doc as Data | null) ?? null
}

export async function storedGlobal(world: World, row: AccessRow): Promise<Data> {
  return (await world.payload.findGlobal({ slug: row.slug as GlobalSlug, depth: 0 })) as unknown as Data
}

export async function countOf(world: World, row: AccessRow): Promise<number> {
  return (await world.payload.count({ collection: row.slug as CollectionSlug })).totalDocs
}
