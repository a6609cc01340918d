import { type FieldNode, Kind, type SelectionSetNode } from 'graphql'

import { type Fragments, operationLimit } from './operationLimit'

/**
 * How many values one GraphQL answer may hold: each field counts once for every document it is
 * asked of, so a list's `limit` multiplies what is asked inside it. Payload's complexity counts a
 * field once however many documents it is read for, and aliases repeat a field freely, so 990
 * aliases of a story's body across 100 stories passed it, answered 42 MB and stalled the server
 * for everyone while the answer was written. 5,000 values leave room for a hundred stories with
 * every field a page needs.
 */
export const maxResultFields = 5000

/** One field asked more often than this in one place (under aliases) is refused. */
export const maxAliasesOfOneField = 10

/** Payload's page size for a list that names none. */
const defaultLimit = 10
/** `limit: 0` asks for every document: counted as this many. */
const unboundedLimit = 1000

type Variables = Readonly<Record<string, unknown>> | null | undefined

function limitOf(field: FieldNode, variables: Variables): number | null {
  const argument = field.arguments?.find((arg) => arg.name.value === 'limit')
  if (!argument) return null
  const value =
    argument.value.kind === Kind.INT
      ? Number(argument.value.value)
      : argument.value.kind === Kind.VARIABLE
        ? Number(variables?.[argument.value.name.value] ?? defaultLimit)
        : defaultLimit
  return !Number.isFinite(value) || value <= 0 ? unboundedLimit : value
}

/** Whether a field answers a page of documents (`{ docs { … } }`). */
const isPage = (field: FieldNode) =>
  field.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'docs') ?? false

/** The fields of a selection set, fragments followed, as GraphQL merges them for one object. */
function fieldsOf(selectionSet: SelectionSetNode, fragments: Fragments, seen: Set<string>): FieldNode[] {
  const fields: FieldNode[] = []
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection)
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen))
    else {
      const name = selection.name.value
      const fragment = fragments.get(name)
      if (!fragment || seen.has(name)) continue
      fields.push(...fieldsOf(fragment.selectionSet, fragments, new Set([...seen, name])))
    }
  }
  return fields
}

/** Values asked for, times `each`; Infinity for one field under too many aliases. */
function valuesOf(selectionSet: SelectionSetNode, fragments: Fragments, variables: Variables, each: number): number {
  const fields = fieldsOf(selectionSet, fragments, new Set())
  const asked = new Map<string, number>()
  let total = 0
  for (const field of fields) {
    const name = field.name.value
    if (name.startsWith('__')) continue
    asked.set(name, (asked.get(name) ?? 0) + 1)
    if (asked.get(name)! > maxAliasesOfOneField) return Infinity
    total += each
    if (field.selectionSet) {
      const times = limitOf(field, variables) ?? (isPage(field) ? defaultLimit : 1)
      total += valuesOf(field.selectionSet, fragments, variables, each * times)
    }
  }
  return total
}

/** The rule, for the variables of the request it checks. */
export const maxResultFieldsRule = (variables: Variables) =>
  operationLimit(
    (selectionSet, fragments) => valuesOf(selectionSet, fragments, variables, 1),
    maxResultFields,
    (count) =>
      count === Infinity
        ? `The query asks for one field more than ${maxAliasesOfOneField} times in one place.`
        : `The query asks for about ${count} values; at most ${maxResultFields} are allowed. Ask for fewer documents or fields.`,
  )
