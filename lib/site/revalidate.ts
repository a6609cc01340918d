import type { Payload, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'

import type { CacheTag, StoryTag } from './cacheTags'
import { internalSiteUrl, revalidationToken } from './revalidationToken'

export const revalidationPath = '/next/revalidate'

/**
 * How pages are renewed after a change:
 * - `expire`: nothing cached before the change is served again; the next visitor waits for a
 *   page rendered afresh. For every page that showed what changed.
 * - `refresh`: pages are kept as they are; the tag's queries are read again the next time a page
 *   needs them (lib/cache/handler.mjs). For pages that did not show what changed but read the
 *   same collection: a page rendered after the change, for whatever reason, is built from the
 *   database as it is.
 */
export type Renewal = 'expire' | 'refresh'

/** Writes made outside a request to the site (jobs, scripts) ask the site's server to expire tags. */
async function revalidateThroughServer(tags: string[], renewal: Renewal, payload: Payload): Promise<void> {
  const base = internalSiteUrl()
  if (!base) return
  try {
    const response = await fetch(`${base}${revalidationPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${revalidationToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags, renewal }),
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  } catch (error) {
    // No server is running (the seed script before first start) or it is unreachable: nothing
    // is cached that could go stale, or the next start begins with an empty cache.
    payload.logger.warn({ msg: `Could not ask the site at ${base} to revalidate ${tags.join(', ')}`, err: error })
  }
}

/**
 * Expires the public site's cached queries for these tags, so the next visit to any page,
 * list, feed or sitemap that shows them renders fresh, in every locale.
 *
 * Changes made in a request to the site (admin, REST, GraphQL) expire the tags through Next.js,
 * which applies them when the request ends. Changes made by the local API outside any request
 * (scheduled publishing and the consent job, in the server's job runner or a separate worker)
 * must not: `revalidateTag` there either throws or, in a job runner started during some earlier
 * request, silently files the tags under that finished request. Those ask the site's server
 * over HTTP instead, once their transaction has committed.
 */
export function revalidatePublicSite(
  tags: Array<CacheTag | StoryTag>,
  req: PayloadRequest,
  renewal: Renewal = 'expire',
): void {
  if (req.context?.disableRevalidate) return
  if (req.payloadAPI !== 'local') {
    try {
      for (const tag of tags) revalidateTag(tag, renewal === 'expire' ? { expire: 0 } : 'max')
      return
    } catch {
      // No request to attach the tags to after all: fall through to the server.
    }
  }
  // Not awaited: the change is still inside its transaction, which commits only after the hooks
  // return. Asking earlier would let a visitor's request cache the old content again.
  void afterCommit(req).then(() => revalidateThroughServer(tags, renewal, req.payload))
}

/** Resolves once the request's database transaction (if any) has committed or rolled back. */
async function afterCommit(req: PayloadRequest): Promise<void> {
  const deadline = Date.now() + 30_000
  while (req.transactionID && Date.now() < deadline) {
    // A transaction being opened is a promise; one that resolves to nothing was never opened
    // (the adapter runs without transactions) and there is nothing to wait for.
    if (req.transactionID instanceof Promise && !(await req.transactionID)) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
