/**
 * Next.js cache handler for Voices: cached pages and queries live in this process's memory only.
 *
 * Next's default handler keeps entries on disk but remembers which tags an edit invalidated only
 * in memory, so after a restart a page that an edit (or a consent withdrawal) had made stale
 * could be served again. Here a restart simply starts cold: every page is rebuilt from the
 * database on its next visit. Several instances behind a load balancer would each keep their own
 * cache; running more than one needs a shared handler (e.g. Redis) instead.
 */
import { inlineScriptHashes, policyHeader, sitePolicy } from '../security/contentSecurityPolicy.mjs'

const MAX_ENTRIES = 5000

/** key -> { value, lastModified, tags } in least-recently-used order. */
const entries = new Map()
/** tag -> when it was last revalidated. */
const revalidatedAt = new Map()

function tagsOf(data, ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(data?.tags ?? [])])
  const header = data?.headers?.['x-next-cache-tags']
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag)
  return [...tags]
}

/**
 * A cached page carries its own Content-Security-Policy, allowing exactly the inline scripts
 * stored with it. Next.js sends the stored headers with every copy it serves, and the page's
 * first render is answered from this same entry after it is stored, so both carry the policy.
 */
function withScriptPolicy(data) {
  if (data?.kind !== 'APP_PAGE' || typeof data.html !== 'string') return
  data.headers ??= {}
  data.headers[policyHeader] = sitePolicy(inlineScriptHashes(data.html))
}

function isStale(entry, extraTags) {
  for (const tag of [...entry.tags, ...extraTags]) {
    if ((revalidatedAt.get(tag) ?? 0) >= entry.lastModified) return true
  }
  return false
}

export default class VoicesCacheHandler {
  constructor(_options) {}

  async get(key, ctx) {
    const entry = entries.get(key)
    if (!entry) return null
    if (isStale(entry, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])) {
      entries.delete(key)
      return null
    }
    entries.delete(key)
    entries.set(key, entry)
    return { value: entry.value, lastModified: entry.lastModified }
  }

  async set(key, data, ctx) {
    entries.delete(key)
    if (data === null || data === undefined) return
    withScriptPolicy(data)
    entries.set(key, { value: data, lastModified: Date.now(), tags: tagsOf(data, ctx) })
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value)
  }

  async revalidateTag(tags) {
    const now = Date.now()
    for (const tag of [tags].flat()) revalidatedAt.set(tag, now)
  }

  resetRequestCache() {}
}
