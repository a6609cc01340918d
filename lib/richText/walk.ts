/**
 * The one traversal of a Lexical editor state that Voices needs: plain text for excerpts and
 * search, the people and images a story uses, and the digest safeguarding signs off all walk the
 * same tree the same way.
 */
export type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
  relationTo?: string
  value?: unknown
}

export type LexicalVisitor = {
  /** Called for each node before its children. */
  enter?: (node: LexicalNode) => void
  /** Called for each node after its children. */
  leave?: (node: LexicalNode) => void
}

export function lexicalRoot(state: unknown): LexicalNode | undefined {
  const root = (state as { root?: unknown } | null | undefined)?.root
  return root && typeof root === 'object' ? (root as LexicalNode) : undefined
}

export function walkLexical(state: unknown, visitor: LexicalVisitor): void {
  const visit = (node: LexicalNode) => {
    visitor.enter?.(node)
    for (const child of node.children ?? []) visit(child)
    visitor.leave?.(node)
  }
  const root = lexicalRoot(state)
  if (root) visit(root)
}

/** Inline blocks (person mentions) and blocks (pull quotes) by their block type. */
export function blockType(node: LexicalNode): string | undefined {
  const type = node.fields?.blockType
  return typeof type === 'string' ? type : undefined
}

/**
 * A copy of an editor state in which `replace` may swap any node for another (its children are
 * then not visited); the state given is left as it was. Used to show nodes differently, never to save.
 */
export function mapLexical<T>(state: T, replace: (node: LexicalNode) => LexicalNode | undefined): T {
  const visit = (node: LexicalNode): LexicalNode => {
    const replaced = replace(node)
    if (replaced) return replaced
    return node.children ? { ...node, children: node.children.map(visit) } : node
  }
  const root = lexicalRoot(state)
  return root ? ({ ...(state as object), root: visit(root) } as T) : state
}
