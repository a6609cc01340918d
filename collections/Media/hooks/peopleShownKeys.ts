import { polymorphicRef } from '@/lib/relations'

/** The people an image's `peopleShown` names, as `<collection>:<id>`, sorted. */
export const peopleShownKeys = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .flatMap((entry) => {
      const ref = polymorphicRef(entry, ['participants', 'leaders'])
      return ref ? [`${ref.relationTo}:${ref.id}`] : []
    })
    .sort()
