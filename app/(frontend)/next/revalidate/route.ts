import { revalidateTag } from 'next/cache'

import { readLimited } from '@/lib/http/readLimited'

import { cacheTags, isStoryTag } from '@/lib/site/cacheTags'
import { isRevalidationToken } from '@/lib/site/revalidationToken'

const knownTags = new Set<string>(Object.values(cacheTags))
const isKnownTag = (tag: unknown): tag is string => typeof tag === 'string' && (knownTags.has(tag) || isStoryTag(tag))
/** Every tag Voices has, with a story page tag for each story a withdrawal takes down. */
const maxBodyBytes = 16 * 1024

function parse(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body))
  } catch {
    return null
  }
}

/**
 * POST /next/revalidate — jobs (scheduled publishing, consent expiry) that change what the site
 * shows call this to renew the affected cache tags, since they run outside any request:
 * `{ "tags": [...], "renewal": "expire" | "refresh" }` (lib/site/revalidate.ts; `expire` unless
 * `refresh` is asked for). Only callers holding the revalidation token may; only Voices' own tags
 * are accepted.
 */
export async function POST(request: Request): Promise<Response> {
  const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
  if (!isRevalidationToken(token)) return Response.json({ error: 'Not allowed.' }, { status: 401 })
  const bytes = await readLimited(request, maxBodyBytes)
  if (bytes === null) return Response.json({ error: 'The body is limited to 16 KB.' }, { status: 413 })
  const body = parse(bytes) as { tags?: unknown; renewal?: unknown } | null
  const tags = Array.isArray(body?.tags) ? body.tags.filter(isKnownTag) : []
  if (tags.length === 0)
    return Response.json({ error: 'Send { "tags": [...] } with known cache tags.' }, { status: 400 })
  const renewal = body?.renewal ?? 'expire'
  if (renewal !== 'expire' && renewal !== 'refresh')
    return Response.json({ error: '"renewal" is "expire" or "refresh".' }, { status: 400 })
  for (const tag of tags) revalidateTag(tag, renewal === 'expire' ? { expire: 0 } : 'max')
  return Response.json({ revalidated: tags, renewal })
}
