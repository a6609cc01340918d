/**
 * Where a donor came from: the story or program whose call to action she followed. Every CTA
 * link carries it to Get involved as `?from=story:<slug>` or `?from=program:<slug>`; Get
 * involved names it, and the donation hand-off passes it on.
 *
 * `parseFrom` only reads the parameter. What it names is shown or passed on only after
 * `findOrigin` (lib/site/publicApi.ts) found it published: an unknown, unpublished or withdrawn
 * slug is dropped silently, never echoed.
 */
export const fromKinds = ['story', 'program'] as const

export type FromKind = (typeof fromKinds)[number]

export type From = { kind: FromKind; slug: string }

/** Slugs as Voices makes them (lib/slugify.ts): lower-case ASCII letters, digits and hyphens. */
const fromPattern = /^(story|program):([a-z0-9][a-z0-9-]{0,127})$/

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined> | null | undefined

function first(params: SearchParamsLike, name: string): string | undefined {
  if (!params) return undefined
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined
  const value = params[name]
  return Array.isArray(value) ? value[0] : value
}

/** The `from` parameter of a request (a page's `searchParams` or a URL's), or null when absent or malformed. */
export function parseFrom(searchParams: SearchParamsLike): From | null {
  return parseFromValue(first(searchParams, 'from'))
}

/** A `from` value as links and forms carry it (`story:the-first-circle`), or null for anything else. */
export function parseFromValue(value: unknown): From | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'string') return null
  const match = fromPattern.exec(raw.trim())
  if (!match) return null
  return { kind: match[1] as FromKind, slug: match[2]! }
}

/** The parameter's value, as links write it: `story:the-first-circle`. */
export function fromValue(from: From): string {
  return `${from.kind}:${from.slug}`
}
