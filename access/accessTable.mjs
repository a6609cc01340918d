/**
 * Who may do what in Voices, declared once: for every collection and global of the Payload config,
 * for every role (and anonymous visitors), which of create, read, update and delete it may do at
 * collection level, under what condition where the rule depends on the document, and, in words,
 * what else the role does there.
 *
 * The access functions (`access/`, `privacy/access/`, each collection's and global's `access`) are
 * what Voices enforces; this table is what they are tested against and what the README shows:
 * - the README's roles table is rendered from it (`npm run docs:access`, scripts/access-table.mjs),
 *   and tests/int/access-table.test.ts fails when the two differ;
 * - the local API, REST and GraphQL tests are generated from it (tests/int/access-table*.test.ts,
 *   tests/int/supporters-access.test.ts, e2e/roles-rest.spec.ts, e2e/roles-graphql.spec.ts), and a
 *   collection or global of the config without a row here fails them.
 *
 * Private fields are declared in privacy/privateData.ts, not here: `privateFields` says only who
 * reads and writes them.
 *
 * Plain data and small helpers, no imports, so plain Node, Vitest and Playwright all read it.
 */

/** @typedef {'anonymous' | 'contributor' | 'editor' | 'safeguarding' | 'admin'} Who */
/** @typedef {'create' | 'read' | 'update' | 'delete'} Operation */
/** @typedef {'rest' | 'graphql' | 'local'} Api */
/** @typedef {keyof typeof conditions} Condition */

/**
 * @typedef {object} AccessRow
 * @property {string} slug The collection's or global's slug in the Payload config.
 * @property {'collection' | 'global'} kind
 * @property {string} label Its name in the README.
 * @property {Partial<Record<Who, string>>} can What each may do: the letters C, R, U, D (a global
 *   has only R and U). A role left out may do nothing.
 * @property {Partial<Record<Who, Partial<Record<Operation, Condition>>>>} [only] The condition an
 *   allowed operation holds under, where it has one.
 * @property {Partial<Record<Who, string>>} [also] What else the role does there, in words
 *   (endpoints, workflow steps).
 * @property {string} [note] One sentence for the README.
 * @property {readonly Api[]} [apis] The APIs that expose it; all three unless said.
 */

/** Everyone the table has a column for: anonymous visitors, then the staff roles of lib/roles.ts. */
export const everyone = /** @type {const} */ (['anonymous', 'contributor', 'editor', 'safeguarding', 'admin'])

/** @type {readonly Operation[]} */
export const operations = ['create', 'read', 'update', 'delete']

/** @type {readonly Api[]} */
export const allApis = ['rest', 'graphql', 'local']

/** The conditions an allowed operation may hold under, as the README words them. */
export const conditions = {
  published: 'published only',
  drafts: 'drafts only',
  shownOnSite: 'leaders shown on the site',
  publicMedia: 'media a published page shows',
  ownAccount: 'own account',
  ownUploadsUntilPublic: 'own uploads, until public',
  inOwnName: 'in own name, on what one may edit',
  ownLocks: 'own locks',
  ownPreferences: 'own preferences',
}

/** @type {Record<Operation, string>} */
const letters = { create: 'C', read: 'R', update: 'U', delete: 'D' }

const editorsManage = { anonymous: 'R', contributor: 'R', editor: 'CRUD', safeguarding: 'R', admin: 'CRUD' }
const editorsChange = { anonymous: 'R', contributor: 'R', editor: 'RU', safeguarding: 'R', admin: 'RU' }
const ownAccount = /** @type {const} */ ({ read: 'ownAccount', update: 'ownAccount' })
const ownLocks = /** @type {const} */ ({ create: 'inOwnName', update: 'inOwnName', delete: 'ownLocks' })
const ownPreferences = /** @type {const} */ ({
  read: 'ownPreferences',
  update: 'ownPreferences',
  delete: 'ownPreferences',
})

/** @type {readonly AccessRow[]} */
export const accessTable = [
  {
    slug: 'stories',
    kind: 'collection',
    label: 'Stories',
    can: { anonymous: 'R', contributor: 'CRU', editor: 'CRUD', safeguarding: 'R', admin: 'CRUD' },
    only: { anonymous: { read: 'published' }, contributor: { create: 'drafts', update: 'drafts' } },
    also: {
      contributor: 'submit for review',
      editor: 'approve, publish, unpublish, schedule',
      safeguarding: 'sign off',
      admin: 'approve, publish, unpublish, schedule, sign off',
    },
    note: 'Staff read drafts and versions; visitors never receive the review status or the sign-off.',
  },
  {
    slug: 'programs',
    kind: 'collection',
    label: 'Programs',
    can: editorsManage,
    only: { anonymous: { read: 'published' } },
    note: 'Staff read drafts and versions.',
  },
  {
    slug: 'tags',
    kind: 'collection',
    label: 'Tags',
    can: editorsManage,
  },
  {
    slug: 'leaders',
    kind: 'collection',
    label: 'Leaders',
    can: { anonymous: 'R', contributor: 'R', editor: 'CRU', safeguarding: 'RUD', admin: 'CRUD' },
    only: { anonymous: { read: 'shownOnSite' } },
    also: { safeguarding: 'erase', admin: 'erase' },
    note:
      'Editors write the public fields, safeguarding the private fields and consent, neither the other’s; ' +
      'visitors never receive the public role, nor a photo without photo consent.',
  },
  {
    slug: 'participants',
    kind: 'collection',
    label: 'Participants',
    can: { contributor: 'R', editor: 'R', safeguarding: 'CRUD', admin: 'CRUD' },
    also: { safeguarding: 'erase', admin: 'erase' },
    note: 'Contributors and editors pick participants by public name and never receive the private fields.',
  },
  {
    slug: 'consent-evidence',
    kind: 'collection',
    label: 'Consent evidence',
    can: { safeguarding: 'CRUD', admin: 'CRUD' },
    note: 'Private as a whole, its files too; every read, download and change is audited.',
  },
  {
    slug: 'media',
    kind: 'collection',
    label: 'Media',
    can: { anonymous: 'R', contributor: 'CRU', editor: 'CRUD', safeguarding: 'R', admin: 'CRUD' },
    only: { anonymous: { read: 'publicMedia' }, contributor: { update: 'ownUploadsUntilPublic' } },
    note:
      'Voices records who uploaded a file and whether it is public; nobody changes either, and visitors never ' +
      'learn who is shown.',
  },
  {
    slug: 'redirects',
    kind: 'collection',
    label: 'Redirects',
    can: { contributor: 'R', editor: 'RD', safeguarding: 'R', admin: 'RD' },
    note: 'Written by Voices when a published slug changes; visitors only ever follow them.',
  },
  {
    slug: 'inquiries',
    kind: 'collection',
    label: 'Inquiries',
    can: { editor: 'RUD', admin: 'RUD' },
    also: { editor: 'answer, assign, export', admin: 'answer, assign, export' },
    note: 'Only the public form creates them; staff change the status and assignee, never what was sent.',
  },
  {
    slug: 'subscribers',
    kind: 'collection',
    label: 'Subscribers',
    can: { editor: 'RD', admin: 'RD' },
    note: 'Only the public form creates them, and only the links in their own mail change them.',
  },
  {
    slug: 'users',
    kind: 'collection',
    label: 'Staff accounts',
    can: { contributor: 'RU', editor: 'RU', safeguarding: 'RU', admin: 'CRUD' },
    only: { contributor: ownAccount, editor: ownAccount, safeguarding: ownAccount },
    also: { admin: 'change roles, unlock' },
    note: 'Nobody changes their own role or e-mail; an admin does.',
  },
  {
    slug: 'audit-log',
    kind: 'collection',
    label: 'Audit log',
    can: { safeguarding: 'R', admin: 'R' },
    note: 'Written by Voices only; nobody edits or deletes an entry.',
  },
  {
    slug: 'story-stats',
    kind: 'collection',
    label: 'Story counts',
    can: { editor: 'R', admin: 'R' },
    also: { editor: 'export', admin: 'export' },
    note: 'Written by the counting endpoint only.',
    apis: ['rest', 'local'],
  },
  {
    slug: 'payload-jobs',
    kind: 'collection',
    label: 'Jobs queue',
    can: {},
    also: { editor: 'schedule publishing', admin: 'schedule publishing, run the queue' },
    note: 'Written by Voices and Payload only.',
  },
  {
    slug: 'payload-locked-documents',
    kind: 'collection',
    label: 'Document locks',
    can: { contributor: 'CRUD', editor: 'CRUD', safeguarding: 'CRUD', admin: 'CRUD' },
    only: {
      contributor: ownLocks,
      editor: ownLocks,
      safeguarding: ownLocks,
      admin: { create: 'inOwnName', update: 'inOwnName' },
    },
    note: 'Who is editing what; taking over a lock puts it in one’s own name.',
  },
  {
    slug: 'payload-preferences',
    kind: 'collection',
    label: 'Admin preferences',
    can: { contributor: 'CRUD', editor: 'CRUD', safeguarding: 'CRUD', admin: 'CRUD' },
    only: {
      contributor: ownPreferences,
      editor: ownPreferences,
      safeguarding: ownPreferences,
      admin: ownPreferences,
    },
    note: 'Payload files a new preference under whoever saves it.',
  },
  {
    slug: 'payload-migrations',
    kind: 'collection',
    label: 'Applied migrations',
    can: { contributor: 'CRUD', editor: 'CRUD', safeguarding: 'CRUD', admin: 'CRUD' },
    note: 'Payload’s default access (anyone signed in) holds for code that calls the local API as a user.',
    apis: ['local'],
  },
  {
    slug: 'payload-kv',
    kind: 'collection',
    label: 'Key-value store',
    can: {},
    note: 'Payload’s own store, written by Payload only.',
  },
  {
    slug: 'site-settings',
    kind: 'global',
    label: 'Site settings',
    can: editorsChange,
    note: 'Only admins change the consent withdrawal policy, and visitors never read it.',
  },
  {
    slug: 'get-involved',
    kind: 'global',
    label: 'Get involved',
    can: editorsChange,
  },
  {
    slug: 'navigation',
    kind: 'global',
    label: 'Navigation',
    can: editorsChange,
  },
  {
    slug: 'payload-jobs-stats',
    kind: 'global',
    label: 'Job schedule stats',
    can: { admin: 'R' },
    note: 'Written by Payload only.',
  },
]

/** Who reads and writes the fields privacy/privateData.ts declares private; nobody else receives them. */
export const privateFields = {
  declaredIn: 'privacy/privateData.ts',
  /** @type {readonly Who[]} */
  readers: ['safeguarding', 'admin'],
  /** @type {readonly Who[]} */
  writers: ['safeguarding', 'admin'],
}

/** The row for this slug; throws for a slug without one. */
export function rowOf(/** @type {string} */ slug) {
  const row = accessTable.find((r) => r.slug === slug)
  if (!row) throw new Error(`No row for ${slug} in access/accessTable.mjs`)
  return row
}

/** The operations a row has: all four for a collection, read and update for a global. */
export function operationsOf(/** @type {AccessRow} */ row) {
  return row.kind === 'global' ? operations.filter((op) => op === 'read' || op === 'update') : operations
}

/** The APIs that expose a row. */
export function apisOf(/** @type {AccessRow} */ row) {
  return row.apis ?? allApis
}

/** Whether `who` may do `op` on `slug` at all (under its condition, if it has one). */
export function may(/** @type {Who} */ who, /** @type {Operation} */ op, /** @type {string} */ slug) {
  return (rowOf(slug).can[who] ?? '').includes(letters[op])
}

/** The condition `who` does `op` on `slug` under, or undefined when it is unconditional (or refused). */
export function conditionOf(/** @type {Who} */ who, /** @type {Operation} */ op, /** @type {string} */ slug) {
  return rowOf(slug).only?.[who]?.[op]
}

/** "create, read (drafts only), …" or "nothing": a test title for one role on one row. */
export function describeAccess(/** @type {Who} */ who, /** @type {string} */ slug) {
  const row = rowOf(slug)
  const allowed = operationsOf(row).filter((op) => may(who, op, slug))
  if (allowed.length === 0) return 'nothing'
  return allowed
    .map((op) => {
      const condition = conditionOf(who, op, slug)
      return condition ? `${op} (${conditions[condition]})` : op
    })
    .join(', ')
}
