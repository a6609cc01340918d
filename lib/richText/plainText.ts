/**
 * Plain text from a Lexical editor state, for excerpts and search. Block-level nodes are
 * separated by a space so words from adjacent paragraphs never run together.
 */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; fields?: Record<string, unknown> }

/** Text for an inline element that has none of its own, such as a person mention. */
export type InlineText = (node: LexicalNode) => string | undefined
type EditorState = { root?: LexicalNode } | null | undefined

const blockTypes = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list'])

function collect(node: LexicalNode, out: string[], inline?: InlineText): void {
  if (typeof node.text === 'string') out.push(node.text)
  if (node.type === 'linebreak') out.push(' ')
  if (node.type === 'inlineBlock' && inline) out.push(inline(node) ?? '')
  for (const child of node.children ?? []) collect(child, out, inline)
  if (node.type && blockTypes.has(node.type)) out.push(' ')
}

export function plainText(state: EditorState, inline?: InlineText): string {
  if (!state?.root) return ''
  const out: string[] = []
  collect(state.root, out, inline)
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

export function excerptFrom(state: EditorState, max = 200): string {
  return truncateAtWord(plainText(state), max)
}
