import { Kind, type SelectionSetNode } from 'graphql'

import { type Fragments, operationLimit } from './operationLimit'

/**
 * How deeply a GraphQL query may nest its selections. Payload limits the cost of a query
 * (`maxComplexity`) but not its depth, and a query that follows relationships back and forth
 * (story → program → stories → program …) costs a join at every level. Voices' own pages never
 * use GraphQL; twelve levels leave API clients room for any real question.
 */
export const maxQueryDepth = 12

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): number {
  if (!selectionSet) return 0
  let deepest = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen))
    } else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      // A fragment that spreads itself is refused by GraphQL's own rules; do not loop meanwhile.
      if (!fragment || seen.has(name)) continue
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])))
    }
  }
  return deepest
}

export const maxDepthRule = operationLimit(
  (selectionSet, fragments) => depthOf(selectionSet, fragments, new Set()),
  maxQueryDepth,
  (depth) => `The query nests ${depth} levels deep; at most ${maxQueryDepth} are allowed.`,
)
