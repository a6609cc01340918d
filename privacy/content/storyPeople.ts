import type { PayloadRequest } from 'payload'

import type { ConsentScope } from '@/privacy/consent/scopes'

export type PeopleCollection = 'participants' | 'leaders'
export type PersonRef = { collection: PeopleCollection; id: string }
export type PersonNeed = PersonRef & { scopes: Set<ConsentScope>; via: string }

type Node = { type?: string; children?: Node[]; fields?: Record<string, unknown>; relationTo?: string; value?: unknown }
type Relation = { relationTo?: string; value?: unknown } | null | undefined

function idOf(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return null
}

function walk(node: Node | undefined, visit: (node: Node) => void): void {
  if (!node) return
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}

/** The people an editor mentioned inline in a rich-text body. */
export function mentionsIn(body: unknown): PersonRef[] {
  const refs: PersonRef[] = []
  walk((body as { root?: Node } | null)?.root, (node) => {
    if (node.type !== 'inlineBlock' || node.fields?.blockType !== 'personMention') return
    const person = node.fields.person as Relation
    const id = idOf(person?.value)
    if (id && (person?.relationTo === 'participants' || person?.relationTo === 'leaders')) {
      refs.push({ collection: person.relationTo, id })
    }
  })
  return refs
}

/** IDs of images placed inside a rich-text body. */
export function uploadsIn(body: unknown): string[] {
  const ids: string[] = []
  walk((body as { root?: Node } | null)?.root, (node) => {
    if (node.type === 'upload' && node.relationTo === 'media') {
      const id = idOf(node.value)
      if (id) ids.push(id)
    }
  })
  return ids
}

export type StoryLike = {
  featuredParticipants?: unknown[] | null
  featuredLeaders?: unknown[] | null
  heroImage?: unknown
  /** Every locale's body: consent covers the story in all its languages. */
  bodies: unknown[]
}

/**
 * Everyone a story depends on and what for: featured or mentioned people need the name scope;
 * people shown in its hero image or in images inside the body need the photo scope.
 */
export async function storyNeeds(story: StoryLike, req: PayloadRequest): Promise<PersonNeed[]> {
  const needs = new Map<string, PersonNeed>()
  const need = (ref: PersonRef, scope: ConsentScope, via: string) => {
    const key = `${ref.collection}:${ref.id}`
    const entry = needs.get(key) ?? { ...ref, scopes: new Set<ConsentScope>(), via }
    entry.scopes.add(scope)
    needs.set(key, entry)
  }
  for (const value of story.featuredParticipants ?? []) {
    const id = idOf(value)
    if (id) need({ collection: 'participants', id }, 'name', 'featuredParticipants')
  }
  for (const value of story.featuredLeaders ?? []) {
    const id = idOf(value)
    if (id) need({ collection: 'leaders', id }, 'name', 'featuredLeaders')
  }
  const mediaIds = new Set<string>()
  const hero = idOf(story.heroImage)
  if (hero) mediaIds.add(hero)
  for (const body of story.bodies) {
    for (const ref of mentionsIn(body)) need(ref, 'name', 'body')
    for (const id of uploadsIn(body)) mediaIds.add(id)
  }
  if (mediaIds.size > 0) {
    const { docs } = await req.payload.find({
      collection: 'media',
      where: { id: { in: [...mediaIds] } },
      depth: 0,
      limit: mediaIds.size,
      overrideAccess: true,
      req,
      select: { peopleShown: true },
    })
    for (const media of docs) {
      for (const person of (media.peopleShown ?? []) as Relation[]) {
        const id = idOf(person?.value)
        if (id && (person?.relationTo === 'participants' || person?.relationTo === 'leaders')) {
          need({ collection: person.relationTo, id }, 'photo', media.id === hero ? 'heroImage' : 'body')
        }
      }
    }
  }
  return [...needs.values()]
}

export const personKey = (ref: PersonRef) => `${ref.collection}:${ref.id}`
