import type { PayloadRequest } from 'payload'

import { type PersonRef, personKey } from '@/privacy/content/uses'

type Dependent = { id: string; slug: string | null }

/** Stored stories (their current document, published or not) whose derived list holds this key. */
export async function storiesDependingOn(key: string, req: PayloadRequest): Promise<Dependent[]> {
  const { docs } = await req.payload.db.find<{ id: string; slug?: string | null; dependsOn?: string[] | null }>({
    collection: 'stories',
    where: { dependsOn: { contains: key } },
    limit: 0,
    pagination: false,
    // By a field every locale shares: a localized default sort needs a locale.
    sort: 'createdAt',
    req,
  })
  // `contains` matches within the stored list's text; only the key itself counts.
  return docs
    .filter((doc) => doc.dependsOn?.includes(key))
    .map((doc) => ({ id: String(doc.id), slug: doc.slug ?? null }))
}

/**
 * The slugs of every story that depends on her (features, mentions, quotes, tells about or
 * shows her), published or not: the pages that may show anything of her are the pages showing
 * these stories (cacheTags.ts, `pagesShowingStories`).
 */
export async function storiesShowing(person: PersonRef, req: PayloadRequest): Promise<string[]> {
  return (await storiesDependingOn(personKey(person), req)).flatMap(({ slug }) => (slug ? [slug] : []))
}
