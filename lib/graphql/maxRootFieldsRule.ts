import { Kind, type SelectionSetNode } from 'graphql'

import { type Fragments, operationLimit } from './operationLimit'

/**
 * How many top-level questions one GraphQL request may ask. Each root field is a query of its
 * own against the database, and aliases repeat one field as often as a client likes: 300 aliased
 * `Stories(limit: 100)` stayed under Payload's complexity limit, took 85 s and held up every other
 * API request meanwhile. Ten leave API clients room for any page's worth of questions.
 */
export const maxRootFields = 10

function rootFieldsOf(selectionSet: SelectionSetNode, fragments: Fragments, seen: Set<string>): number {
  let count = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldsOf(selection.selectionSet, fragments, seen)
    else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || seen.has(name)) continue
      count += rootFieldsOf(fragment.selectionSet, fragments, new Set([...seen, name]))
    }
  }
  return count
}

export const maxRootFieldsRule = operationLimit(
  (selectionSet, fragments) => rootFieldsOf(selectionSet, fragments, new Set()),
  maxRootFields,
  (count) => `The query asks ${count} questions at its top level; at most ${maxRootFields} are allowed.`,
)
