/**
 * The publishing matrix, declared: who writes (roles), how (write paths over each API), and on
 * what (story states, each declared by its history). Nothing here is an expected outcome written
 * by hand: `expectation` works out, from these declared properties alone, whether a write must be
 * refused (and why) or what the public must see after it. The test file runs every cell.
 */
import { richText } from '@/seed/richText'

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

/** What each role may do to stories, as Voices promises it (README, "Editorial workflow"). */
export const roles = {
  anonymous: { writesStories: 'nothing' },
  contributor: { writesStories: 'drafts' },
  editor: { writesStories: 'published' },
  safeguarding: { writesStories: 'nothing' },
  admin: { writesStories: 'published' },
} as const satisfies Record<string, { writesStories: 'nothing' | 'drafts' | 'published' }>

export type RoleName = keyof typeof roles
export const roleNames = Object.keys(roles) as RoleName[]
export type StaffRole = Exclude<RoleName, 'anonymous'>

// ---------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------

export const localeCodes = ['en', 'ru', 'kk'] as const
export type Locale = (typeof localeCodes)[number]

/**
 * A version of a story's content, by name. Every label has a title, excerpt, body and SEO title
 * and description in every language; in a story about a participant, the English body mentions
 * her inline (the Russian and Kazakh translations do not name her).
 */
export type Label = 'alt' | 'prev' | 'cur' | 'new'

/** The languages whose body names the person a story is about. */
const personLocales: readonly Locale[] = ['en']

export type EditField = 'excerpt' | 'title' | 'body' | 'metaTitle' | 'metaDescription' | 'metaImage'
/** One change to one field in one language. */
export type Edit = { field: EditField; locale: Locale }

/** Content as the public would read it: which label each language shows, and edits laid over it. */
export type Content = { locales: Record<Locale, Label | null>; edits: Edit[] }

const whole = (label: Label): Content => ({ locales: { en: label, ru: label, kk: label }, edits: [] })

export type PersonRef = { collection: 'participants'; id: string }

/** A body that names `person` inline, the way the editor's person element stores it. */
export function bodyNaming(text: string, person: PersonRef | null) {
  const body = richText(text)
  if (person) {
    const paragraph = body.root.children[0] as { children: unknown[] }
    paragraph.children.unshift({
      type: 'inlineBlock',
      version: 1,
      fields: {
        id: `m${person.id.replace(/-/g, '').slice(0, 23)}`,
        blockName: '',
        blockType: 'personMention',
        person: { relationTo: person.collection, value: person.id },
      },
    })
  }
  return body
}

/** The fields of one label in one language, ready to write. */
export function contentData(label: Label, locale: Locale, person: PersonRef | null) {
  return {
    title: `${label} title (${locale})`,
    excerpt: `${label} excerpt (${locale})`,
    body: bodyNaming(` spoke in the ${label} text (${locale}).`, personLocales.includes(locale) ? person : null),
    meta: { title: `${label} SEO title (${locale})`, description: `${label} SEO description (${locale})` },
  }
}

export const editedText = (edit: Edit) => `Edited ${edit.field} (${edit.locale})`

/** The data an edit writes, in its locale. */
export function editData(edit: Edit, imageId: string): Record<string, unknown> {
  const text = editedText(edit)
  switch (edit.field) {
    case 'excerpt':
      return { excerpt: text }
    case 'title':
      return { title: text }
    case 'body':
      return { body: richText(text) }
    case 'metaTitle':
      return { meta: { title: text } }
    case 'metaDescription':
      return { meta: { description: text } }
    case 'metaImage':
      return { meta: { image: imageId } }
  }
}

// ---------------------------------------------------------------------------------------------
// What the public reads
// ---------------------------------------------------------------------------------------------

type PerLocale = Partial<Record<Locale, string>>
/** The public fields of a story as an anonymous visitor reads them, in every language. */
export type PublicView = {
  title: PerLocale
  excerpt: PerLocale
  body: PerLocale
  metaTitle: PerLocale
  metaDescription: PerLocale
  metaImage: PerLocale
}

type Node = { type?: string; text?: string; children?: Node[]; fields?: { blockType?: string; person?: unknown } }

/**
 * A body's words, with "[mention participants:ID]" where it names someone. The public reads a
 * mention of a participant without her ID (privacy/references): "[mention participants:none]".
 */
export function bodyText(body: unknown, asThePublicReadsIt = false): string {
  const out: string[] = []
  const visit = (node: Node) => {
    if (typeof node.text === 'string') out.push(node.text)
    if (node.fields?.blockType === 'personMention') {
      const person = node.fields.person as { relationTo?: string; value?: unknown } | undefined
      const id = typeof person?.value === 'object' ? (person.value as { id?: unknown } | null)?.id : person?.value
      const hidden = asThePublicReadsIt && person?.relationTo === 'participants'
      out.push(`[mention ${person?.relationTo}:${hidden || id == null ? 'none' : String(id)}]`)
    }
    for (const child of node.children ?? []) visit(child)
  }
  const root = (body as { root?: Node } | null | undefined)?.root
  if (root) visit(root)
  return out.join('')
}

function perLocale(value: unknown, map: (v: unknown) => string | null = (v) => (typeof v === 'string' ? v : null)) {
  const out: PerLocale = {}
  if (!value || typeof value !== 'object') return out
  for (const locale of localeCodes) {
    const raw = (value as Record<string, unknown>)[locale]
    const mapped = raw === null || raw === undefined ? null : map(raw)
    if (mapped) out[locale] = mapped
  }
  return out
}

const idOf = (v: unknown) =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as { id?: unknown }).id ?? '') || null : null

/** Projects a story read with `locale: 'all'` onto what the public reads of it. */
export function toPublicView(doc: Record<string, unknown>): PublicView {
  const meta = (doc.meta ?? {}) as Record<string, unknown>
  return {
    title: perLocale(doc.title),
    excerpt: perLocale(doc.excerpt),
    body: perLocale(doc.body, (v) => bodyText(v) || null),
    metaTitle: perLocale(meta.title),
    metaDescription: perLocale(meta.description),
    metaImage: perLocale(meta.image, idOf),
  }
}

/** What the public must read when `content` is live. */
export function expectedView(content: Content, person: PersonRef | null, imageId: string): PublicView {
  const view: PublicView = { title: {}, excerpt: {}, body: {}, metaTitle: {}, metaDescription: {}, metaImage: {} }
  for (const locale of localeCodes) {
    const label = content.locales[locale]
    if (!label) continue
    const data = contentData(label, locale, person)
    view.title[locale] = data.title
    view.excerpt[locale] = data.excerpt
    view.body[locale] = bodyText(data.body, true)
    view.metaTitle[locale] = data.meta.title
    view.metaDescription[locale] = data.meta.description
  }
  for (const edit of content.edits) {
    const text = editedText(edit)
    if (edit.field === 'metaImage') view.metaImage[edit.locale] = imageId
    else view[edit.field][edit.locale] = text
  }
  return view
}

// ---------------------------------------------------------------------------------------------
// Story states, declared by their history
// ---------------------------------------------------------------------------------------------

export type VersionMark = 'draftVersion' | 'publishedVersion'

/**
 * One save in a story's history: write `content` in every language (as drafts), then save the
 * story with `status` (not as a draft), signed off by safeguarding if `signOff`. `mark` names the
 * version this save leaves, for the restore paths.
 */
export type Step = { content: Label; status: 'draft' | 'published'; signOff?: boolean; mark?: VersionMark }

export type StateSpec = {
  title: string
  /** Who the story is about: a participant named in its English body, or nobody. */
  person: 'participant' | 'none'
  /** Whether her consent holds now (a withdrawal after the history is written). */
  consent: boolean
  history: Step[]
}

const publishedOnceThenUnpublished = (signed: boolean): Step[] => [
  { content: 'prev', status: 'draft', mark: 'draftVersion' },
  { content: 'prev', status: 'published', signOff: true, mark: 'publishedVersion' },
  { content: 'cur', status: 'draft', signOff: signed },
]

const publishedTwice = (signed: boolean): Step[] => [
  { content: 'alt', status: 'draft', mark: 'draftVersion' },
  { content: 'prev', status: 'published', signOff: signed, mark: 'publishedVersion' },
  { content: 'cur', status: 'published', signOff: signed },
]

export const states = {
  draftUnsigned: {
    title: 'draft about a participant, not signed off',
    person: 'participant',
    consent: true,
    history: publishedOnceThenUnpublished(false),
  },
  draftSigned: {
    title: 'draft about a participant, signed off',
    person: 'participant',
    consent: true,
    history: publishedOnceThenUnpublished(true),
  },
  publishedSigned: {
    title: 'published about a participant, signed off',
    person: 'participant',
    consent: true,
    history: publishedTwice(true),
  },
  publishedNoOne: {
    title: 'published about no one',
    person: 'none',
    consent: true,
    history: publishedTwice(false),
  },
  draftWithoutConsent: {
    title: 'draft about a participant who withdrew consent, signed off',
    person: 'participant',
    consent: false,
    history: publishedOnceThenUnpublished(true),
  },
} as const satisfies Record<string, StateSpec>

export type StateName = keyof typeof states
export const stateNames = Object.keys(states) as StateName[]

type VersionModel = { label: Label; status: 'draft' | 'published'; signed: boolean }

/** What a state's history leaves: the latest version, what is live, and the marked versions. */
export type StoryModel = {
  latest: VersionModel
  live: Label | null
  /** The content of the last published version (what Payload keeps in other languages when one is published). */
  lastPublished: Label | null
  versions: Record<VersionMark, VersionModel>
}

export function model(state: StateSpec): StoryModel {
  let previous: VersionModel | null = null
  let lastPublished: Label | null = null
  const versions: Partial<Record<VersionMark, VersionModel>> = {}
  for (const step of state.history) {
    // A sign-off holds while the content it was given for is unchanged.
    const signed = Boolean(step.signOff) || Boolean(previous?.signed && previous.label === step.content)
    const version: VersionModel = { label: step.content, status: step.status, signed }
    if (step.status === 'published') lastPublished = step.content
    if (step.mark) versions[step.mark] = version
    previous = version
  }
  if (!previous || !versions.draftVersion || !versions.publishedVersion) throw new Error('incomplete history')
  return {
    latest: previous,
    live: previous.status === 'published' ? previous.label : null,
    lastPublished,
    versions: versions as Record<VersionMark, VersionModel>,
  }
}

// ---------------------------------------------------------------------------------------------
// Write paths
// ---------------------------------------------------------------------------------------------

export type Api = 'rest' | 'graphql' | 'local' | 'jobs'

export type Operation =
  | { op: 'create' }
  | { op: 'update'; data: 'publish' | 'unpublish' | Edit; draft: boolean }
  | { op: 'duplicate'; draft: boolean | 'none'; asksToPublish: boolean }
  | { op: 'restore'; version: VersionMark; draft: boolean }
  | { op: 'bulkPublish' }
  | { op: 'publishLocale'; edit: Edit }
  | { op: 'schedule' }

/** What a write would do if it were allowed. */
export type Effect = {
  /** The story itself, a copy of it, or a new story. */
  target: 'story' | 'copy' | 'newStory'
  /** `_status` of the target afterwards; "unchanged" when the write only adds a draft version. */
  status: 'published' | 'draft' | 'unchanged'
  /** What the public would read if it is published. */
  content: Content
  /** Whether the content carries a sign-off made for exactly that content. */
  signed: boolean
  /** The write says it is a draft save (contributors write only these). */
  draftOnly: boolean
  /** The write asks for `_status: published`. */
  asksToPublish: boolean
}

export type PathSpec = {
  name: string
  apis: readonly Api[]
  operation: Operation
  /** Limit the path to these states or roles; every other combination is covered by another path. */
  states?: readonly StateName[]
  roles?: readonly RoleName[]
}

function withEdit(m: StoryModel, edit: Edit): Content {
  return { ...whole(m.latest.label), edits: [edit] }
}

/** The effect of an operation on a story in state `m`, from Payload's documented semantics. */
export function effectOf(operation: Operation, m: StoryModel): Effect {
  const base = { draftOnly: false, asksToPublish: false }
  switch (operation.op) {
    case 'create':
      // A new story in English, about whoever the state's story is about, asking to be published.
      return {
        ...base,
        target: 'newStory',
        status: 'published',
        content: { locales: { en: 'new', ru: null, kk: null }, edits: [] },
        signed: false,
        asksToPublish: true,
      }
    case 'update': {
      if (operation.data === 'publish') {
        // Publishing puts the latest version live, with whatever sign-off it carries.
        return {
          ...base,
          target: 'story',
          status: 'published',
          content: whole(m.latest.label),
          signed: m.latest.signed,
          asksToPublish: true,
        }
      }
      if (operation.data === 'unpublish') {
        return { ...base, target: 'story', status: 'draft', content: whole(m.latest.label), signed: m.latest.signed }
      }
      // An edit saved without the draft flag keeps the story's status: live if it is published.
      return {
        ...base,
        target: 'story',
        status: m.live ? 'published' : 'draft',
        content: withEdit(m, operation.data),
        signed: false,
        draftOnly: operation.draft,
      }
    }
    case 'duplicate':
      // A copy is a new story: a draft, whatever it asks for, with no sign-off of its own.
      return {
        ...base,
        target: 'copy',
        status: 'draft',
        content: whole(m.latest.label),
        signed: false,
        draftOnly: operation.draft === true,
        asksToPublish: operation.asksToPublish,
      }
    case 'restore': {
      const version = m.versions[operation.version]
      if (operation.draft) {
        return {
          ...base,
          target: 'story',
          status: 'unchanged',
          content: whole(version.label),
          signed: false,
          draftOnly: true,
        }
      }
      // Restored as it was: its content, its status, and the sign-off it was saved with.
      return {
        ...base,
        target: 'story',
        status: version.status,
        content: whole(version.label),
        signed: version.signed,
        asksToPublish: version.status === 'published',
      }
    }
    case 'bulkPublish':
    case 'schedule':
      return {
        ...base,
        target: 'story',
        status: 'published',
        content: whole(m.latest.label),
        signed: m.latest.signed,
        asksToPublish: true,
      }
    case 'publishLocale': {
      // One language goes live beside what was last published in the others.
      const other = m.lastPublished
      const edited = operation.edit.locale
      const locales = { en: other, ru: other, kk: other, [edited]: m.latest.label } as Content['locales']
      return {
        ...base,
        target: 'story',
        status: 'published',
        content: { locales, edits: [operation.edit] },
        signed: false,
        asksToPublish: true,
      }
    }
  }
}

const allApis = ['rest', 'graphql', 'local'] as const
const publishedStates = ['publishedSigned', 'publishedNoOne'] as const
const publishers = ['editor', 'admin'] as const

/** Each field a signed-off story's sign-off covers, edited in one language. */
export const liveEdits: Edit[] = [
  { field: 'excerpt', locale: 'en' },
  { field: 'title', locale: 'ru' },
  { field: 'body', locale: 'kk' },
  { field: 'metaTitle', locale: 'en' },
  { field: 'metaDescription', locale: 'ru' },
  { field: 'metaImage', locale: 'en' },
]

export const paths: PathSpec[] = [
  { name: 'create, published', apis: allApis, operation: { op: 'create' } },
  { name: 'update to publish', apis: allApis, operation: { op: 'update', data: 'publish', draft: false } },
  {
    name: 'update to publish, with the draft flag',
    apis: allApis,
    operation: { op: 'update', data: 'publish', draft: true },
  },
  // The excerpt edit runs for every role and state; the other fields where a sign-off is at stake.
  ...liveEdits.map((edit, i): PathSpec => ({
    name: `edit live: ${edit.field} (${edit.locale})`,
    apis: allApis,
    operation: { op: 'update', data: edit, draft: false },
    ...(i === 0 ? {} : { states: publishedStates, roles: publishers }),
  })),
  { name: 'unpublish', apis: allApis, operation: { op: 'update', data: 'unpublish', draft: false } },
  {
    name: 'duplicate, as a draft',
    apis: ['rest', 'local'],
    operation: { op: 'duplicate', draft: true, asksToPublish: false },
  },
  {
    name: 'duplicate, not as a draft',
    apis: ['rest', 'local'],
    operation: { op: 'duplicate', draft: false, asksToPublish: false },
  },
  // GraphQL's duplicateStory has no draft argument.
  {
    name: 'duplicate, no draft flag',
    apis: ['graphql'],
    operation: { op: 'duplicate', draft: 'none', asksToPublish: false },
  },
  {
    name: 'duplicate, asking to publish',
    apis: allApis,
    operation: { op: 'duplicate', draft: 'none', asksToPublish: true },
  },
  {
    name: 'restore published version',
    apis: allApis,
    operation: { op: 'restore', version: 'publishedVersion', draft: false },
  },
  // The local API's restoreVersion has no draft option.
  {
    name: 'restore published version as a draft',
    apis: ['rest', 'graphql'],
    operation: { op: 'restore', version: 'publishedVersion', draft: true },
  },
  { name: 'restore draft version', apis: allApis, operation: { op: 'restore', version: 'draftVersion', draft: false } },
  {
    name: 'restore draft version as a draft',
    apis: ['rest', 'graphql'],
    operation: { op: 'restore', version: 'draftVersion', draft: true },
  },
  // GraphQL has no bulk update, and no publishSpecificLocale.
  { name: 'bulk update (where) to publish', apis: ['rest', 'local'], operation: { op: 'bulkPublish' } },
  {
    name: 'publish one locale (ru, edited)',
    apis: ['rest', 'local'],
    operation: { op: 'publishLocale', edit: { field: 'title', locale: 'ru' } },
  },
  { name: 'scheduled publish', apis: ['jobs'], operation: { op: 'schedule' } },
]

// ---------------------------------------------------------------------------------------------
// The expected outcome of a cell
// ---------------------------------------------------------------------------------------------

/** Why a write is refused: no right to write stories, a contributor's non-draft write, or a gate. */
export type Reason = 'forbidden' | 'contributor' | 'signOff' | 'consent'

export type Expectation =
  | { outcome: 'refused'; status: 400 | 403; reasons: Reason[] }
  | {
      outcome: 'accepted'
      /** What the public reads of the target afterwards: content, or nothing (null). */
      publicAfter: Content | null | 'unchanged'
    }

const sameContent = (a: Content, b: Content) => JSON.stringify(a) === JSON.stringify(b)

const usesPerson = (state: StateSpec, content: Content) =>
  state.person === 'participant' && personLocales.some((locale) => content.locales[locale])

export function expectation(role: RoleName, path: PathSpec, stateName: StateName): Expectation {
  const state: StateSpec = states[stateName]
  const m = model(state)
  const effect = effectOf(path.operation, m)
  const rights = roles[role].writesStories

  // 1. Who may write at all: anonymous visitors and safeguarding never write stories.
  if (rights === 'nothing') return { outcome: 'refused', status: 403, reasons: ['forbidden'] }
  // 2. Contributors write drafts only: a write to the story itself must say it is a draft, and
  //    nothing they send may ask to publish.
  if (rights === 'drafts' && (effect.asksToPublish || (effect.target === 'story' && !effect.draftOnly))) {
    return { outcome: 'refused', status: 403, reasons: ['contributor'] }
  }
  // 3. The gates, when something would be live after the write.
  if (effect.status === 'published') {
    const live = m.live ? whole(m.live) : null
    const changesPublic = effect.target !== 'story' || !live || !sameContent(effect.content, live)
    const reasons: Reason[] = []
    const involves = usesPerson(state, effect.content)
    if (involves && !state.consent) reasons.push('consent')
    if (involves && changesPublic && !effect.signed) reasons.push('signOff')
    if (reasons.length > 0) return { outcome: 'refused', status: 400, reasons }
  }
  if (effect.target !== 'story') return { outcome: 'accepted', publicAfter: 'unchanged' }
  if (effect.status === 'unchanged') return { outcome: 'accepted', publicAfter: 'unchanged' }
  return { outcome: 'accepted', publicAfter: effect.status === 'published' ? effect.content : null }
}

export type Cell = { path: PathSpec; api: Api; role: RoleName; state: StateName; name: string }

/** Every cell of the matrix: each path over each of its APIs, for every state and role it covers. */
export function cells(): Cell[] {
  const out: Cell[] = []
  // States innermost: neighbouring cells, which may run side by side, use different stories.
  for (const path of paths) {
    for (const api of path.apis) {
      for (const role of path.roles ?? roleNames) {
        for (const state of path.states ?? stateNames) {
          out.push({ path, api, role, state, name: `${path.name} · ${api} · ${role} · ${states[state].title}` })
        }
      }
    }
  }
  return out
}
