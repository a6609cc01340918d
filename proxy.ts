import { type NextRequest, NextResponse } from 'next/server'

import { preferredLocale } from '@/lib/i18n/preferredLocale'
import { locales } from '@/lib/locales'
import { notFoundHeader } from '@/lib/site/notFoundHeader'
import { isPublicRoute } from '@/lib/site/publicRoutes'

const codes: string[] = locales.map((l) => l.code)

/**
 * Every public page lives under its locale (/en, /ru, /kk). A path without one, such as `/`
 * or an old `/stories/…` link, is redirected to the visitor's language. A path under a locale
 * that has no page's shape is answered with 404 here, and the catch-all page draws the 404.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const [, first = '', ...rest] = pathname.split('/')
  if (codes.includes(first)) {
    if (isPublicRoute(rest.join('/'))) return NextResponse.next()
    const headers = new Headers(request.headers)
    headers.set(notFoundHeader, '1')
    // The router's own fetches (prefetches and client navigations, marked by the `RSC` header)
    // get a bare 404: rendering the catch-all for them left Chromium's prefetches of 404 paths
    // unsettled. A prefetch then simply fails, and a click loads the page in full, which the
    // server draws.
    if (request.headers.has('rsc')) return new NextResponse(null, { status: 404 })
    return NextResponse.next({ status: 404, request: { headers } })
  }
  const url = request.nextUrl.clone()
  url.pathname = `/${preferredLocale(request.headers.get('accept-language'))}${pathname === '/' ? '' : pathname}`
  url.search = search
  return NextResponse.redirect(url, 307)
}

export const config = {
  // Leave the admin, the API, Next's assets, the draft-mode routes (/next/preview…) and the
  // site's root files (sitemap.xml, robots.txt, icon.svg) alone. Under a locale every path is
  // judged, so /en/feed.xml is a page and /en/wp-login.php a 404.
  matcher: ['/((?!admin|api|_next|next/|[^/]+\\.[^/]+$).*)'],
}
