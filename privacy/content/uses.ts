import type { PayloadRequest } from 'payload'

import { polymorphicRef, relationId } from '@/lib/relations'
import { blockType, type LexicalNode, walkLexical } from '@/lib/richText/walk'
import type { ConsentScope } from '@/privacy/consent/scopes'

import { type AllLocales, localeValues } from './documentAsSaved'

export const peopleCollections = ['participants', 'leaders'] as const
export type PeopleCollection = (typeof peopleCollections)[number]
export type PersonRef = { collection: PeopleCollection; id: string }
/** Someone a document uses, for which purposes (consent scopes), and where (a field path, for errors). */
export type PersonNeed = PersonRef & { scopes: Set<ConsentScope>; via: string }

/** Everyone and every image a published document puts in front of the public. */
export type DocumentUses = { needs: PersonNeed[]; media: string[] }

export const personKey = (ref: PersonRef) => `${ref.collection}:${ref.id}`

const toRef = (value: unknown): PersonRef | null => {
  const ref = polymorphicRef(value, peopleCollections)
  return ref ? { collection: ref.relationTo, id: ref.id } : null
}

/** The person an inline mention points at, if the node is one. */
export function mentionedPerson(node: LexicalNode): PersonRef | null {
  return blockType(node) === 'personMention' ? toRef(node.fields?.person) : null
}

/** The person a pull quote is attributed to, if the node is one and names its speaker. */
export function quotedPerson(node: LexicalNode): PersonRef | null {
  return blockType(node) === 'pullQuote' ? toRef(node.fields?.speaker) : null
}

/** The people an editor mentioned inline in a rich-text body, and the speakers of its quotes. */
export function peopleNamedIn(body: unknown): PersonRef[] {
  const refs: PersonRef[] = []
  walkLexical(body, {
    enter: (node) => {
      const ref = mentionedPerson(node) ?? quotedPerson(node)
      if (ref) refs.push(ref)
    },
  })
  return refs
}

/** IDs of images placed inside a rich-text body. */
export function uploadsIn(body: unknown): string[] {
  const ids: string[] = []
  walkLexical(body, {
    enter: (node) => {
      const id = node.type === 'upload' && node.relationTo === 'media' ? relationId(node.value) : null
      if (id) ids.push(id)
    },
  })
  return ids
}

class UsesCollector {
  private readonly needs = new Map<string, PersonNeed>()
  /** media ID -> the field that shows it first */
  private readonly images = new Map<string, string>()

  need(ref: PersonRef | null, scope: ConsentScope, via: string): void {
    if (!ref) return
    const entry = this.needs.get(personKey(ref)) ?? { ...ref, scopes: new Set<ConsentScope>(), via }
    entry.scopes.add(scope)
    this.needs.set(personKey(ref), entry)
  }

  image(value: unknown, via: string): void {
    const id = relationId(value)
    if (id && !this.images.has(id)) this.images.set(id, via)
  }

  body(value: unknown, via: string): void {
    for (const body of localeValues(value)) {
      walkLexical(body, {
        enter: (node) => {
          this.need(mentionedPerson(node), 'name', via)
          this.need(quotedPerson(node), 'quotes', via)
        },
      })
      for (const id of uploadsIn(body)) this.image(id, via)
    }
  }

  /** Everyone shown in the images needs photo consent, wherever the image appears. */
  async finish(req: PayloadRequest): Promise<DocumentUses> {
    const ids = [...this.images.keys()]
    if (ids.length > 0) {
      const { docs } = await req.payload.find({
        collection: 'media',
        where: { id: { in: ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: true,
        req,
        select: { peopleShown: true },
      })
      for (const media of docs) {
        for (const person of media.peopleShown ?? [])
          this.need(toRef(person), 'photo', this.images.get(String(media.id))!)
      }
    }
    return { needs: [...this.needs.values()], media: ids }
  }
}

const metaImage = (doc: AllLocales) => localeValues((doc.meta as { image?: unknown } | undefined)?.image)

/** The fields `storyUses` reads, for queries that select only what they need. */
export const storyUsesSelect = {
  body: true,
  featuredParticipants: true,
  featuredLeaders: true,
  personalDetailsOf: true,
  heroImage: true,
  meta: true,
} as const

/**
 * Everyone a story uses and what for: featured or mentioned people need the name scope, quoted
 * speakers the quotes scope, people whose personal details it tells the personal-details scope,
 * and people shown in any image it can display (hero, body, share image) the photo scope.
 * Every locale counts: consent covers the story in all its languages.
 */
export async function storyUses(story: AllLocales, req: PayloadRequest): Promise<DocumentUses> {
  const uses = new UsesCollector()
  for (const id of (story.featuredParticipants as unknown[] | null) ?? [])
    uses.need({ collection: 'participants', id: relationId(id)! }, 'name', 'featuredParticipants')
  for (const id of (story.featuredLeaders as unknown[] | null) ?? [])
    uses.need({ collection: 'leaders', id: relationId(id)! }, 'name', 'featuredLeaders')
  for (const value of (story.personalDetailsOf as unknown[] | null) ?? [])
    uses.need(toRef(value), 'personalDetails', 'personalDetailsOf')
  uses.body(story.body, 'body')
  uses.image(story.heroImage, 'heroImage')
  for (const image of metaImage(story)) uses.image(image, 'meta.image')
  return uses.finish(req)
}

/** The fields `programUses` reads. */
export const programUsesSelect = { description: true, heroImage: true, meta: true } as const

/** The images a program page can show (hero, description, share image) and who is in them. */
export async function programUses(program: AllLocales, req: PayloadRequest): Promise<DocumentUses> {
  const uses = new UsesCollector()
  uses.body(program.description, 'description')
  uses.image(program.heroImage, 'heroImage')
  for (const image of metaImage(program)) uses.image(image, 'meta.image')
  return uses.finish(req)
}
