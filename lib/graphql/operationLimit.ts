import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql'

export type Fragments = Map<string, FragmentDefinitionNode>

/**
 * A validation rule that measures each operation of a request (following its fragments) and
 * refuses one over `max` before anything runs, saying what it measured.
 */
export function operationLimit(
  measure: (selectionSet: SelectionSetNode, fragments: Fragments) => number,
  max: number,
  describe: (measured: number) => string,
): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragments: Fragments = new Map()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    return {
      OperationDefinition(operation) {
        const measured = measure(operation.selectionSet, fragments)
        if (measured > max) context.reportError(new GraphQLError(describe(measured), { nodes: [operation] }))
      },
    }
  }
}
