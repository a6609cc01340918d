import { type NextRequest, NextResponse } from 'next/server'

import { preferredLocale } from '@/lib/i18n/preferredLocale'
import { locales } from '@/lib/locales'

const codes: string[] = locales.map((l) => l.code)

/**
 * Every public page lives under its locale (/en, /ru, /kk). A path without one, such as `/`
 * or an old `/stories/…` link, is redirected to the visitor's language.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const first = pathname.split('/')[1] ?? ''
  if (codes.includes(first)) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/${preferredLocale(request.headers.get('accept-language'))}${pathname === '/' ? '' : pathname}`
  url.search = search
  return NextResponse.redirect(url, 307)
}

export const config = {
  // Leave the admin, the API, Next's assets, the draft-mode routes (/next/preview…) and files with
  // an extension (sitemap.xml, robots.txt…) alone.
  matcher: ['/((?!admin|api|_next|next/|.*\\..*).*)'],
}
