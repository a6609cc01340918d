import { serverUrl } from '@/lib/env'

/** Absolute origin for canonical links, sitemaps and feeds. Set NEXT_PUBLIC_SERVER_URL in production. */
export function siteOrigin(): string {
  return serverUrl() || `http://localhost:${process.env.PORT || 3000}`
}
