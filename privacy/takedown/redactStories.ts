import type { PayloadRequest, TypedLocale } from 'payload'

import { messages } from '@/lib/i18n'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { type ByLocale, writeLocalized } from '@/lib/payload/writeLocalized'
import { searchIndexOf } from '@/lib/search/fold'
import { type Locale, locales } from '@/lib/locales'
import { type PersonRef, personKey } from '@/privacy/content/uses'
import { deriveText } from '@/privacy/names/deriveStoryText'
import { mentionNames } from '@/privacy/names/mentionNames'
import { storiesDependingOn } from '@/privacy/takedown/storiesShowing'

type Stored = Record<string, unknown>

export type RedactOptions = {
  /** The moment consent is judged at; the nightly check passes its own. */
  now?: Date
  /**
   * Her naming consent ended (withdrawn, expired, erased): her public name typed by hand into
   * the editor's excerpt or the SEO title and description is replaced as well.
   */
  redactTyped?: boolean
  /** Names she went by before this change (e.g. the public name just replaced). */
  formerNames?: Array<string | null | undefined>
}

/** Editor-written fields that an editor may have typed her name into, besides the excerpt. */
const typedFields = ['meta.title', 'meta.description'] as const

const get = (doc: Stored | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Stored | undefined)?.[key], doc)

/** Whole-word (in any script) occurrences of any of these names, in any case. */
function namePattern(names: string[]): RegExp | null {
  const words = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length)
  if (words.length === 0) return null
  const alternatives = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu')
}

const redact = (value: unknown, pattern: RegExp | null, phrase: string): unknown =>
  typeof value === 'string' && pattern ? value.replace(pattern, phrase) : value

/**
 * The derived and (when `typed`) editor-written text of one stored story, published document
 * or version, worked out again in every locale. Returns only the fields that change, each with
 * its value in every locale.
 */
async function reworked(
  story: Stored,
  req: PayloadRequest,
  now: Date,
  typed: { pattern: RegExp | null; collection: PersonRef['collection'] } | null,
): Promise<Map<string, ByLocale>> {
  const next = new Map<string, ByLocale>()
  const change = (path: string, locale: Locale, value: unknown) => {
    const before = (get(story, path) as ByLocale | undefined)?.[locale] ?? null
    if ((value ?? null) === before) return
    const all = next.get(path) ?? { ...((get(story, path) as ByLocale | undefined) ?? {}) }
    all[locale] = value ?? null
    next.set(path, all)
  }
  for (const { code: locale } of locales) {
    const body = (story.body as ByLocale | undefined)?.[locale]
    const previous = {
      searchText: (story.searchText as ByLocale | undefined)?.[locale] as string | null | undefined,
      excerpt: (story.excerpt as ByLocale | undefined)?.[locale] as string | null | undefined,
    }
    const names = await mentionNames(body, req, locale as TypedLocale, now)
    const derived = deriveText(body, names, previous)
    const t = messages(locale)
    const phrase = typed?.collection === 'leaders' ? t.aLeader : t.aParticipant
    change('searchText', locale, derived.searchText)
    change(
      'excerpt',
      locale,
      derived.excerptDerived ? derived.excerpt : redact(derived.excerpt, typed?.pattern ?? null, phrase),
    )
    if (typed) {
      for (const path of typedFields) {
        change(path, locale, redact((get(story, path) as ByLocale | undefined)?.[locale], typed.pattern, phrase))
      }
    }
    // Site search reads a folded copy of the same text: it must lose her name too.
    const current = (path: string) =>
      (next.get(path) ?? (get(story, path) as ByLocale | undefined))?.[locale] as string | null | undefined
    change('searchIndex', locale, searchIndexOf([current('title'), current('excerpt'), current('searchText')]))
  }
  return next
}

/** Stories that depend on her, published or in their latest draft. */
async function dependentStories(key: string, req: PayloadRequest): Promise<string[]> {
  const { payload } = req
  const ids = new Set<string>()
  for (const { id } of await storiesDependingOn(key, req)) ids.add(id)
  const drafts = await payload.db.findVersions<{ dependsOn?: string[] | null }>({
    collection: 'stories',
    where: { and: [{ latest: { equals: true } }, { 'version.dependsOn': { contains: key } }] },
    limit: 0,
    pagination: false,
    // By a field every locale shares: a localized default sort needs a locale.
    sort: 'createdAt',
    req,
  })
  for (const doc of drafts.docs) if (doc.version?.dependsOn?.includes(key)) ids.add(String(doc.parent))
  return [...ids]
}

/**
 * After a change to someone a story depends on (her public name, consent, public role or
 * erasure), every such story's stored text is worked out again, in every locale, on the
 * published document and on its latest draft alike: the excerpt (when derived) and search text
 * read her public name only while she may be named, a neutral phrase otherwise. When her
 * naming consent ended, her public name typed by hand into the excerpt or SEO title and
 * description (any locale's form of it) becomes the neutral phrase too.
 *
 * Nothing is published, no version is added and nothing else changes: only those fields are
 * written, straight to the database. Returns the IDs of the stories that changed.
 */
export async function redactStoriesFor(
  person: PersonRef,
  request: PayloadRequest,
  options: RedactOptions = {},
): Promise<string[]> {
  const { now = new Date(), redactTyped = false, formerNames = [] } = options
  const req = isolatedRequest(request)
  const { payload } = req
  let typed: { pattern: RegExp | null; collection: PersonRef['collection'] } | null = null
  if (redactTyped) {
    const stored = await payload.db.findOne<{ id: string; publicName?: ByLocale | string }>({
      collection: person.collection,
      where: { id: { equals: person.id } },
      locale: 'all',
      req,
    })
    const publicName = stored?.publicName
    const names = typeof publicName === 'object' && publicName ? Object.values(publicName) : [publicName]
    typed = {
      pattern: namePattern([...names, ...formerNames].filter((n): n is string => typeof n === 'string')),
      collection: person.collection,
    }
  }
  const changed: string[] = []
  for (const id of await dependentStories(personKey(person), req)) {
    const stored = await payload.db.findOne<Stored & { id: string }>({
      collection: 'stories',
      where: { id: { equals: id } },
      locale: 'all',
      req,
    })
    const { docs } = await payload.db.findVersions<Stored>({
      collection: 'stories',
      where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
      locale: 'all',
      limit: 1,
      sort: '-updatedAt',
      req,
    })
    const latest = docs[0]
    let touched = false
    if (stored) {
      const changes = await reworked(stored, req, now, typed)
      if (changes.size > 0) await writeLocalized(req, { collection: 'stories', kind: 'document', id, stored }, changes)
      touched ||= changes.size > 0
    }
    if (latest) {
      const changes = await reworked(latest.version, req, now, typed)
      if (changes.size > 0)
        await writeLocalized(
          req,
          { collection: 'stories', kind: 'version', id: latest.id, stored: latest.version },
          changes,
        )
      touched ||= changes.size > 0
    }
    if (touched) changed.push(id)
  }
  return changed
}
