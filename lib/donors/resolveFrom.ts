import type { Payload } from 'payload'

import { parseFromValue } from './from'

/**
 * Where a visitor came from, as the "Get involved" links carry it: `?from=story:<slug>` or
 * `?from=program:<slug>`. Forms pass it on in a hidden field; stored inquiries and sign-ups
 * point at the story or program, so the dashboard can count what moves people.
 *
 * A value from a URL or a form is anyone's to write. It counts only when it names a story or
 * program the public can read right now, looked up as an anonymous visitor, so an unpublished
 * slug is neither stored nor shown back.
 */
export type ResolvedFrom = { from: string; story?: string; program?: string }

const collectionOf = { story: 'stories', program: 'programs' } as const

/** The published story or program a `from` value names, or null. */
export async function resolveFrom(payload: Payload, value: unknown): Promise<ResolvedFrom | null> {
  const ref = parseFromValue(value)
  if (!ref) return null
  const { docs } = await payload.find({
    collection: collectionOf[ref.kind],
    where: { slug: { equals: ref.slug } },
    limit: 1,
    depth: 0,
    select: { slug: true },
    // As an anonymous visitor: published documents only.
    overrideAccess: false,
    user: null,
    draft: false,
  })
  const doc = docs[0]
  if (!doc) return null
  return { from: `${ref.kind}:${ref.slug}`, [ref.kind]: String(doc.id) }
}
