import type { Payload } from 'payload'

/**
 * Where a visitor came from, as the "Get involved" links carry it: `?from=story:<slug>` or
 * `?from=program:<slug>`. Forms pass it on in a hidden field; stored inquiries and sign-ups
 * point at the story or program, so the dashboard can count what moves people.
 *
 * A value from a URL or a form is anyone's to write. It counts only when it names a story or
 * program the public can read right now, looked up as an anonymous visitor, so an unpublished
 * slug is neither stored nor shown back.
 */
export type FromKind = 'story' | 'program'
export type FromRef = { kind: FromKind; slug: string }
export type ResolvedFrom = { from: string; story?: string; program?: string }

const pattern = /^(story|program):([a-z0-9][a-z0-9-]{0,119})$/

/** The reference a `from` value spells, or null for anything else. */
export function parseFromValue(value: unknown): FromRef | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'string') return null
  const match = pattern.exec(raw.trim())
  if (!match) return null
  return { kind: match[1] as FromKind, slug: match[2]! }
}

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
