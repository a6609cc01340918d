import { type LexicalNode, walkLexical } from './walk'

/** Text for an inline element that has none of its own, such as a person mention. */
export type InlineText = (node: LexicalNode) => string | undefined

const blockTypes = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list'])

/**
 * Plain text from a Lexical editor state, for excerpts and search. Block-level nodes are
 * separated by a space so words from adjacent paragraphs never run together.
 */
export function plainText(state: unknown, inline?: InlineText): string {
  const out: string[] = []
  walkLexical(state, {
    enter: (node) => {
      if (typeof node.text === 'string') out.push(node.text)
      if (node.type === 'linebreak') out.push(' ')
      if (node.type === 'inlineBlock' && inline) out.push(inline(node) ?? '')
    },
    leave: (node) => {
      if (node.type && blockTypes.has(node.type)) out.push(' ')
    },
  })
  return out.join('').replace(/\s+/g, ' ').trim()
}

/** The first `max` characters, cut at a word boundary, with an ellipsis when shortened. */
export function truncateAtWord(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  const base = lastSpace > max * 0.5 ? cut.slice(0, lastSpace) : cut
  return `${base.replace(/[\s,.;:!?—–-]+$/, '')}…`
}

export function excerptFrom(state: unknown, max = 200): string {
  return truncateAtWord(plainText(state), max)
}
