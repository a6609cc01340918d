import { type NextRequest, NextResponse } from 'next/server'

import { defaultLocale, locales } from '@/lib/locales'

const codes: string[] = locales.map((l) => l.code)

/** The visitor's preferred language among ours, from Accept-Language; English otherwise. */
function preferredLocale(header: string | null): string {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=')
      return { code: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1 }
    })
    .sort((a, b) => b.q - a.q)
  return ranked.find(({ code }) => codes.includes(code))?.code ?? defaultLocale
}

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
