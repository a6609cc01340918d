import { type LexicalNode, mapLexical, walkLexical } from '@/lib/richText/walk'
import { mentionedPerson, personKey, type PersonRef } from '@/privacy/content/uses'
import type { MentionChip } from '@/privacy/names/mentionChips'

/** The people mentioned inline in these editor states. */
export function mentionsIn(...states: unknown[]): PersonRef[] {
  const refs: PersonRef[] = []
  for (const state of states)
    walkLexical(state, {
      enter: (node) => {
        const ref = mentionedPerson(node)
        if (ref) refs.push(ref)
      },
    })
  return refs
}

const textNode = (text: string): LexicalNode =>
  ({ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }) as LexicalNode

/**
 * A copy of an editor state for display in which each person mention is an internal link to her
 * record, reading her public name (`notOnFile` when she is gone). Never saved.
 */
export function mentionsAsLinks<T>(state: T, chips: Map<string, MentionChip>, notOnFile: string): T {
  return mapLexical(state, (node) => {
    if (node.type !== 'inlineBlock') return undefined
    const ref = mentionedPerson(node)
    if (!ref) return undefined
    const name = chips.get(personKey(ref))?.name
    if (!name) return textNode(notOnFile)
    return {
      type: 'link',
      version: 3,
      fields: { linkType: 'internal', newTab: false, doc: { relationTo: ref.collection, value: { id: ref.id } } },
      children: [textNode(name)],
    } as LexicalNode
  })
}
