import type { MetadataRoute } from 'next'

import { siteOrigin } from '@/lib/site/origin'

export const dynamic = 'force-dynamic'

/** Crawlers are welcome on the public site and kept out of the admin and the API. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api'] }],
    sitemap: `${siteOrigin()}/sitemap.xml`,
  }
}
