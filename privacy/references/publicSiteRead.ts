import type { PayloadRequest, RequestContext } from 'payload'

/**
 * The public site's own reads (`asVisitor` in lib/site/documentQueries.ts) carry this context.
 * They run as an anonymous visitor, with access enforced, but the site needs what the public API
 * withholds from outsiders: which participants a story features or mentions, so that it can
 * render each one's public name (privacy/names/siteNames.ts).
 */
export const publicSiteContext: RequestContext = { voicesPublicSite: true }

/**
 * A read by the site itself. Only the local API counts: a REST or GraphQL request gets its
 * context from the server alone, but should anything ever set the flag on one, it still reads
 * as an outsider.
 */
export function isPublicSiteRead(req: PayloadRequest): boolean {
  return req.payloadAPI === 'local' && req.context?.voicesPublicSite === true
}
