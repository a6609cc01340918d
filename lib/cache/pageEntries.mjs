/**
 * What every Voices cache handler does alike with what Next.js stores: which tags an entry
 * carries, the security policy a cached page is served with, and the path a page's key names.
 */
import { supersededHeader } from '../../server/supersededRenders.mjs'
import { inlineScriptHashes, policyHeader, sitePolicy } from '../security/contentSecurityPolicy.mjs'

/** The tags of an entry: those Next.js passes, those it stores, and the page's tag header. */
export function tagsOf(data, ctx) {
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
export function withScriptPolicy(data) {
  if (data?.kind !== 'APP_PAGE' || typeof data.html !== 'string') return
  data.headers ??= {}
  data.headers[policyHeader] = sitePolicy(inlineScriptHashes(data.html))
}

/**
 * A page rendered with a nonce was rendered for one request: the proxy gives one only to pages
 * rendered per request and to requests in draft mode (proxy.ts). A request with a made-up
 * draft-mode cookie gets one too, yet Next.js, finding the cookie invalid, renders it as a page
 * to keep: kept, every reader after would be served that request's nonce. It is not kept, and
 * neither is any answer it was handed out in.
 */
const renderedForOneRequest = (data) =>
  data?.kind === 'APP_PAGE' && typeof data.html === 'string' && /\snonce="/.test(data.html)

/** The mark of an answer for one request, which the server turns into `private, no-store`. */
export const oneRequestHeader = 'x-voices-one-request'

/**
 * Whether the page was rendered for one request. If so it is marked: Next.js hands a render to
 * everyone asking for the page while it is made, and the server keeps every cache in front from
 * keeping any of those answers (server/sharedCaches.mjs).
 */
export function forOneRequest(data) {
  if (!renderedForOneRequest(data)) return false
  data.headers ??= {}
  data.headers[oneRequestHeader] = '1'
  return true
}

/**
 * A render made from what was there before something it shows was taken down or changed is not
 * kept; and Next.js hands this very render to everyone who asked for the page while it was being
 * made, some of them after the takedown, so it is marked for the server to send them to ask
 * again (server/supersededRenders.mjs).
 */
export function markSuperseded(data) {
  if (data.headers && (data.kind === 'APP_PAGE' || data.kind === 'APP_ROUTE')) data.headers[supersededHeader] = '1'
}

/** Whether an entry is a page or a route: what the HTTP cache in front keeps. */
export const isPage = (data) => data?.kind === 'APP_PAGE' || data?.kind === 'APP_ROUTE'

/** A page or route key ends in its path: `/route-cache/APP_PAGE/<build>/$/en/stories/…`. */
export function pathOfPageKey(key) {
  const at = key.lastIndexOf('/$/')
  return at === -1 ? null : key.slice(at + 2)
}

/**
 * Two kinds of invalidation (see lib/site/revalidate.ts): `revalidateTag(tag, { expire: 0 })`
 * (or no durations) expires, and nothing stored before it is served again; a profile with a
 * later expiry, such as `'max'`, has the tag's queries read again, and pages are served as they
 * are. A page is never served as it was while it is rendered again in the background: Next.js
 * would hand that old page to every visitor asking meanwhile, even one asking after a takedown.
 */
export const expires = (durations) => !durations || !durations.expire
