import type { NextRequest } from 'next/server'

import { sitemapResponse } from '@/lib/site/sitemap'

// Built from the tagged query cache on request, never at build time.
export const dynamic = 'force-dynamic'

/** The sitemap, or one part of it (lib/site/sitemap.ts). */
export function GET(request: NextRequest) {
  return sitemapResponse(request.nextUrl.searchParams.get('part'))
}
