import type { PeopleCollection } from '@/privacy/content/uses'

export type FoundPerson = { collection: PeopleCollection; id: string; name: string }

/** How many people of each kind the `@` search offers. */
export const perCollection = 5

/**
 * The same text with its first letter capitalised: SQLite compares only Latin letters without
 * regard to case, and public names (Айгерим, Kalampar) start with a capital.
 */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

/**
 * The REST query for leaders or participants whose public name contains `query`: public names
 * and IDs only (`select`), read as the signed-in member of staff, so field access applies as
 * everywhere else and the audit has nothing to log.
 */
export function peopleSearchUrl(apiBase: string, collection: PeopleCollection, query: string, locale?: string) {
  const params = new URLSearchParams({ depth: '0', limit: String(perCollection), sort: 'publicName' })
  params.set('select[publicName]', 'true')
  const variants = [...new Set([query, capitalised(query)])]
  variants.forEach((variant, i) => params.set(`where[or][${i}][publicName][like]`, variant))
  if (locale) params.set('locale', locale)
  return `${apiBase}/${collection}?${params}`
}

/** Leaders first, then participants, each sorted by public name. */
export async function searchPeople(
  apiBase: string,
  query: string,
  { locale, signal }: { locale?: string; signal?: AbortSignal } = {},
): Promise<FoundPerson[]> {
  const lists = await Promise.all(
    (['leaders', 'participants'] as const).map(async (collection) => {
      const response = await fetch(peopleSearchUrl(apiBase, collection, query, locale), {
        credentials: 'include',
        headers: { Accept: 'application/json' },
        signal,
      })
      if (!response.ok) throw new Error(`Searching ${collection} failed (${response.status})`)
      const { docs } = (await response.json()) as { docs: Array<{ id: string | number; publicName?: string | null }> }
      return docs.flatMap((doc) =>
        doc.publicName ? [{ collection, id: String(doc.id), name: doc.publicName } satisfies FoundPerson] : [],
      )
    }),
  )
  return lists.flat()
}
