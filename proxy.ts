import { type NextRequest, NextResponse } from 'next/server'

import { proxyHops } from '@/lib/abuse/proxyHops'
import { brokenEncodingResponse, hasBrokenEncoding } from '@/lib/http/brokenEncoding'
import { preferredLocale } from '@/lib/i18n/preferredLocale'
import { locales } from '@/lib/locales'
import { adminPolicy, newNonce, policyHeader, sitePolicy } from '@/lib/security/contentSecurityPolicy.mjs'
import { notFoundHeader } from '@/lib/site/notFoundHeader'
import { isPerRequestRoute, isPublicRoute } from '@/lib/site/publicRoutes'

const codes: string[] = locales.map((l) => l.code)

/** Headers through which a proxy names the client; sent by a client itself, they are made up. */
const forwardingHeaders = ['x-forwarded-for', 'x-real-ip', 'forwarded']

/**
 * The request's headers for the page or endpoint. Reached directly (`VOICES_PROXY_HOPS=0`), a
 * client's own X-Forwarded-For would pass for its address (lib/abuse/clientKey.ts): it is dropped,
 * and Next.js fills in the socket's address instead.
 */
function ownHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers)
  if (proxyHops() === 0) for (const name of forwardingHeaders) headers.delete(name)
  return headers
}

/** Set while an editor previews drafts: Next.js then renders every page for her alone. */
const draftModeCookie = '__prerender_bypass'

/**
 * A page rendered for this request alone gets a fresh nonce: Next.js reads it from the request's
 * policy header and puts it on every script it renders, and the response carries the same policy.
 * Cached pages get none here; each carries the hashes of its own scripts (lib/cache/handler.mjs).
 */
function withNonce(
  policy: (nonce: string) => string,
  init: { status?: number; headers?: Headers },
  request: NextRequest,
) {
  const nonce = newNonce()
  const headers = init.headers ?? ownHeaders(request)
  headers.set(policyHeader, policy(nonce))
  const response = NextResponse.next({ status: init.status, request: { headers } })
  response.headers.set(policyHeader, policy(nonce))
  return response
}

const siteWithNonce = (nonce: string) => sitePolicy([`'nonce-${nonce}'`])

/**
 * Every public page lives under its locale (/en, /ru, /kk). A path without one, such as `/`
 * or an old `/stories/…` link, is redirected to the visitor's language. A path under a locale
 * that has no page's shape is answered with 404 here, and the catch-all page draws the 404.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (hasBrokenEncoding(pathname)) return brokenEncodingResponse(pathname)
  // Only paths with a percent-escape, and the endpoints that count clients, reach here from
  // the API, assets and root files.
  if (passesThrough.test(pathname)) {
    return proxyHops() === 0 ? NextResponse.next({ request: { headers: ownHeaders(request) } }) : NextResponse.next()
  }
  const [, first = '', ...rest] = pathname.split('/')
  if (first === 'admin') return withNonce(adminPolicy, {}, request)
  if (codes.includes(first)) {
    const path = rest.join('/')
    if (isPublicRoute(path)) {
      const perRequest = isPerRequestRoute(path) || request.cookies.has(draftModeCookie)
      return perRequest ? withNonce(siteWithNonce, {}, request) : NextResponse.next()
    }
    // The router's own fetches (prefetches and client navigations, marked by the `RSC` header)
    // get a bare 404: rendering the catch-all for them left Chromium's prefetches of 404 paths
    // unsettled. A prefetch then simply fails, and a click loads the page in full, which the
    // server draws.
    if (request.headers.has('rsc')) return new NextResponse(null, { status: 404 })
    const headers = ownHeaders(request)
    headers.set(notFoundHeader, '1')
    return withNonce(siteWithNonce, { status: 404, headers }, request)
  }
  const url = request.nextUrl.clone()
  url.pathname = `/${preferredLocale(request.headers.get('accept-language'))}${pathname === '/' ? '' : pathname}`
  url.search = search
  return NextResponse.redirect(url, 307)
}

/** What the proxy leaves alone: the API, Next's assets, draft-mode routes and root files. */
const passesThrough = /^\/(?:api|_next|next\/|[^/]+\.[^/]+$)/

export const config = {
  // Leave the API, Next's assets, the draft-mode routes (/next/preview…) and the site's root
  // files (sitemap.xml, robots.txt, icon.svg) alone. Under a locale every path is judged, so
  // /en/feed.xml is a page and /en/wp-login.php a 404, except the pages served from the page
  // cache: the proxy has nothing to do for them, and running it cost a cached page about a third
  // of its speed (BENCHMARKS.md). They come here only in draft mode, for a nonce. Next.js reads
  // this config without running it, so the shapes are written out; tests/int/public-routes.test.ts
  // holds them to lib/site/publicRoutes.ts and lib/locales.ts. The admin passes through for its
  // nonce. Every path with a percent-escape comes here too, so one that does not decode gets a
  // 400, and so do the endpoints that count clients, for VOICES_PROXY_HOPS=0 (lib/abuse/clientKey.ts).
  matcher: [
    '/((?!api|_next|next/|[^/]+\\.[^/]+$|(?:en|ru|kk)(?:/(?:feed\\.xml|get-involved/give|programs(?:/[^/]+)?|stories(?:/[^/]+|/page/[^/]+|/(?:program|tag)/[^/]+(?:/page/[^/]+)?)?))?$).*)',
    { source: '/:locale(en|ru|kk)/:rest*', has: [{ type: 'cookie', key: '__prerender_bypass' }] },
    '/(.*%.*)',
    '/api/users/login',
    '/api/users/forgot-password',
    '/api/graphql',
    '/next/count',
  ],
}
