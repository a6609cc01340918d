/**
 * Relationship values arrive as an ID, a populated document, or (for fields that point at more
 * than one collection) `{ relationTo, value }` holding either. These read the ID out of each.
 */

/** The ID of a relationship value, or null when there is none. */
export function relationId(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null
  }
  return null
}

export type PolymorphicRef<T extends string = string> = { relationTo: T; id: string }

/** The collection and ID of a polymorphic relationship value (`{ relationTo, value }`). */
export function polymorphicRef<T extends string>(value: unknown, collections: readonly T[]): PolymorphicRef<T> | null {
  if (!value || typeof value !== 'object') return null
  const { relationTo, value: inner } = value as { relationTo?: unknown; value?: unknown }
  const id = relationId(inner)
  if (!id || typeof relationTo !== 'string' || !(collections as readonly string[]).includes(relationTo)) return null
  return { relationTo: relationTo as T, id }
}
