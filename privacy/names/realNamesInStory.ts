import type { PayloadRequest } from 'payload'

import { locales } from '@/lib/locales'
import { blockType, walkLexical } from '@/lib/richText/walk'
import { toSlug } from '@/lib/slugify'
import type { AllLocales } from '@/privacy/content/documentAsSaved'

/** Where in a story a real name was typed: the field and, for localized text, the language. */
export type RealNameHit = { field: 'title' | 'slug' | 'excerpt' | 'body' | 'meta'; locale: string | null }

/** Words only: case, Unicode form, ё/е and punctuation do not hide a name. */
const words = (text: string) =>
  ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `

/** Every string in a block's fields (a pull quote, its speaker, a call to action's words). */
function strings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, out)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out)
}

/** The words a reader meets in a body: its text, and what its blocks say. */
function bodyWords(body: unknown): string {
  const out: string[] = []
  walkLexical(body, {
    enter: (node) => {
      if (typeof node.text === 'string') out.push(node.text)
      // A mention is drawn as her public name; its fields hold only a reference.
      if (blockType(node) && blockType(node) !== 'personMention') strings(node.fields, out)
    },
    leave: () => out.push(' '),
  })
  return out.join('')
}

const inLocale = (value: unknown, locale: string) =>
  value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : undefined

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Each public text of the story, as words, with where it is. */
function publicTexts(story: AllLocales): Array<RealNameHit & { words: string }> {
  const meta = (story.meta ?? {}) as Record<string, unknown>
  const texts: Array<RealNameHit & { words: string }> = []
  for (const { code } of locales) {
    texts.push({ field: 'title', locale: code, words: words(text(inLocale(story.title, code))) })
    texts.push({ field: 'excerpt', locale: code, words: words(text(inLocale(story.excerpt, code))) })
    texts.push({ field: 'body', locale: code, words: words(bodyWords(inLocale(story.body, code))) })
    const seo = `${text(inLocale(meta.title, code))} ${text(inLocale(meta.description, code))}`
    texts.push({ field: 'meta', locale: code, words: words(seo) })
  }
  return texts
}

type Person = { name: string; publicName: string }

/**
 * Real names as Voices holds them, with the public name beside each: a leader who agreed to be
 * named by her own name has it as her public name too, and that is no secret. A name of one word
 * is left out: first names are shared by too many people to tell anything on their own.
 */
async function realNames(req: PayloadRequest): Promise<Person[]> {
  const read = async (collection: 'participants' | 'leaders', field: 'legalName' | 'realName') => {
    const { docs } = await req.payload.find({
      collection,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      locale: 'all',
      select: { [field]: true, publicName: true },
      req,
    })
    return docs.map((doc) => {
      const record = doc as unknown as Record<string, unknown>
      const publicName = record.publicName
      const names = publicName && typeof publicName === 'object' ? Object.values(publicName) : [publicName]
      return { name: text(record[field]), publicName: names.map(text).join(' | ') }
    })
  }
  const people = [...(await read('participants', 'legalName')), ...(await read('leaders', 'realName'))]
  return people.filter(({ name }) => words(name).trim().split(' ').length >= 2)
}

/**
 * Where the story, as it would go live, spells out the real name of a participant or leader:
 * typed by hand in its title, address, excerpt, text, quotes or search-engine text, in any
 * language, whatever the case. Mentions are how a story names someone; a real name typed
 * instead would reach every reader. The hits say where, never whose.
 */
export async function realNamesInStory(story: AllLocales, req: PayloadRequest): Promise<RealNameHit[]> {
  const people = await realNames(req)
  if (people.length === 0) return []
  const texts = publicTexts(story)
  const slug = `-${text(story.slug)}-`
  const hits: RealNameHit[] = []
  const seen = new Set<string>()
  const hit = (found: RealNameHit) => {
    const key = `${found.field}:${found.locale}`
    if (!seen.has(key)) hits.push(found)
    seen.add(key)
  }
  for (const { name, publicName } of people) {
    const needle = words(name)
    if (words(publicName).includes(needle)) continue
    for (const { words: haystack, ...where } of texts) if (haystack.includes(needle)) hit(where)
    const slugged = toSlug(name)
    if (slugged && slug.includes(`-${slugged}-`)) hit({ field: 'slug', locale: null })
  }
  return hits
}
