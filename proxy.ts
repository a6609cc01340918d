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
    // Only the page itself is answered 404. The router's own fetches (prefetches and client
    // navigations, marked by the `RSC` header) get the 404 view with 200: prefetches of a 404
    // status, such as the language switcher's on the 404 page, were seen never to settle.
    if (request.headers.has('rsc')) return NextResponse.next({ request: { headers } })
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
