import type { PayloadRequest } from 'payload'

import { locales } from '@/lib/locales'
import { toSlug } from '@/lib/slugify'
import type { AllLocales } from '@/privacy/content/documentAsSaved'

/** Where in a document a real name was typed: the top-level field and, for localized text, the language. */
export type RealNameHit = { field: string; locale: string | null }

/** Words only: case, Unicode form, ё/е and punctuation do not hide a name. */
const words = (text: string) =>
  ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `

const localeCodes: string[] = locales.map((l) => l.code)

/** Keyed by language, as every localized value of a document read in all locales is. */
const isLocalized = (value: object) => {
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => localeCodes.includes(key))
}

type Text = RealNameHit & { words: string }

/**
 * Every string a field holds, at any depth (rich text's words and its blocks' fields, arrays of
 * lesson topics, SEO text), with the language it is in. A mention holds only a reference, so the
 * name it is drawn with is never among them.
 */
function collect(value: unknown, field: string, locale: string | null, at: Map<string, Text>): void {
  if (typeof value === 'string') {
    const key = `${field}:${locale}`
    const text = at.get(key) ?? { field, locale, words: ' ' }
    text.words += `${words(value)} `
    at.set(key, text)
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, field, locale, at)
  } else if (value && typeof value === 'object') {
    if (isLocalized(value)) for (const [code, inner] of Object.entries(value)) collect(inner, field, code, at)
    else for (const inner of Object.values(value)) collect(inner, field, locale, at)
  }
}

/** "Айгерим Нурлановна Садыкова" as " айгерим садыкова ", for a name of three words or more. */
function firstAndLast(name: string): string {
  const parts = words(name).trim().split(' ')
  return parts.length >= 3 ? ` ${parts[0]} ${parts.at(-1)} ` : words(name)
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Each public field of the document, as words per language. */
function publicTexts(doc: Record<string, unknown>, leaveOut: readonly string[]): Text[] {
  const at = new Map<string, Text>()
  for (const [field, value] of Object.entries(doc)) {
    if (!leaveOut.includes(field)) collect(value, field, null, at)
  }
  return [...at.values()]
}

/** A real name and the spellings of it that must not appear where the public reads. */
type Person = { needles: string[] }

/**
 * The spellings to look for: as written, and in Latin letters as an English text or an address
 * would spell a Cyrillic name; and without the patronymic, as people are usually called. Not
 * those her public name has too: a leader who agreed to be named by her own name has it as her
 * public name as well, and that is no secret.
 */
function needlesOf(name: string, publicName: string): string[] {
  const spellings = new Set([name, toSlug(name)].flatMap((spelling) => [words(spelling), firstAndLast(spelling)]))
  const shown = [words(publicName), words(toSlug(publicName))]
  return [...spellings].filter((needle) => needle.trim() !== '' && !shown.some((known) => known.includes(needle)))
}

/**
 * The people of the last check, by their names: their spellings are worked out once, not on
 * every save (transliterating 5,500 names took 150 ms a save). Rebuilt from each read, so a name
 * changed or erased since is gone from it at the next check, and never looked for again.
 */
let lastPeople = new Map<string, Person>()

/**
 * Real names as Voices holds them. A name of one word is left out: first names are shared by too
 * many people to tell anything on their own. Read through the database adapter, as the check
 * stands beyond access and hooks anyway: these two fields are plain stored text, and Payload's
 * full read of every participant in every language took 50 ms a thousand people.
 */
async function realNames(req: PayloadRequest): Promise<Person[]> {
  const read = async (collection: 'participants' | 'leaders', field: 'legalName' | 'realName') => {
    const { docs } = await req.payload.db.find({
      collection,
      locale: 'all',
      pagination: false,
      limit: 0,
      select: { [field]: true, publicName: true },
      req,
    })
    return docs.map((doc) => {
      const record = doc as Record<string, unknown>
      const publicName = record.publicName
      const names = publicName && typeof publicName === 'object' ? Object.values(publicName) : [publicName]
      return { name: text(record[field]), publicName: names.map(text).join(' | ') }
    })
  }
  const current = new Map<string, Person>()
  for (const { name, publicName } of [
    ...(await read('participants', 'legalName')),
    ...(await read('leaders', 'realName')),
  ]) {
    if (words(name).trim().split(' ').length < 2) continue
    const key = `${name}\u0000${publicName}`
    current.set(key, current.get(key) ?? lastPeople.get(key) ?? { needles: needlesOf(name, publicName) })
  }
  lastPeople = current
  return [...current.values()]
}

/**
 * Where the document, as it would go live, spells out the real name of a participant or leader:
 * typed by hand into any of its fields (a story's title, address, excerpt, text, quotes and calls
 * to action, SEO text; a program's description and lesson topics), in any language, whatever the
 * case. Mentions are how Voices names someone; a real name typed instead would reach every
 * reader. `leaveOut` names fields the public never reads. The hits say where, never whose.
 */
export async function realNamesInDocument(
  doc: AllLocales,
  req: PayloadRequest,
  leaveOut: readonly string[],
): Promise<RealNameHit[]> {
  const people = await realNames(req)
  if (people.length === 0) return []
  const texts = publicTexts(doc, leaveOut)
  const hits = new Map<string, RealNameHit>()
  for (const { needles } of people) {
    for (const needle of needles) {
      for (const { words: haystack, field, locale } of texts) {
        if (haystack.includes(needle)) hits.set(`${field}:${locale}`, { field, locale })
      }
    }
  }
  return [...hits.values()]
}
