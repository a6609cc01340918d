import type { Payload, RequestContext } from 'payload'

import { revalidateTag } from 'next/cache'

import type { CacheTag } from './cacheTags'

/**
 * Expires the public site's cached queries for these tags, so the next visit to any page,
 * list, feed or sitemap that shows them renders fresh, in every locale.
 *
 * Writes made outside a Next.js server (the seed script, tests) have no cache to expire:
 * revalidateTag throws there, which is expected and only logged.
 */
export function revalidatePublicSite(tags: CacheTag[], payload: Payload, context?: RequestContext): void {
  if (context?.disableRevalidate) return
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      payload.logger.debug({ msg: `Not revalidating "${tag}" outside a Next.js request`, err: error })
    }
  }
}
