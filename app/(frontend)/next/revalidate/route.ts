import { revalidateTag } from 'next/cache'

import { readLimited } from '@/lib/http/readLimited'

import { cacheTags, type CacheTag } from '@/lib/site/cacheTags'
import { isRevalidationToken } from '@/lib/site/revalidationToken'

const knownTags = new Set<string>(Object.values(cacheTags))
/** Every tag Voices has, named at once, is a few hundred bytes. */
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
 * shows call this to expire the affected cache tags, since they run outside any request.
 * Only callers holding the revalidation token may; only Voices' own tags are accepted.
 */
export async function POST(request: Request): Promise<Response> {
  const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
  if (!isRevalidationToken(token)) return Response.json({ error: 'Not allowed.' }, { status: 401 })
  const bytes = await readLimited(request, maxBodyBytes)
  if (bytes === null) return Response.json({ error: 'The body is limited to 16 KB.' }, { status: 413 })
  const body = parse(bytes) as { tags?: unknown } | null
  const tags = Array.isArray(body?.tags) ? body.tags.filter((tag): tag is CacheTag => knownTags.has(String(tag))) : []
  if (tags.length === 0)
    return Response.json({ error: 'Send { "tags": [...] } with known cache tags.' }, { status: 400 })
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags })
}
