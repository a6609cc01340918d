import { withPayload } from '@payloadcms/next/withPayload'
import { fileURLToPath } from 'node:url'

import { securityHeaders } from './lib/security/headers.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Voices is served from its own host; the admin and API live under /admin and /api.
  poweredByHeader: false,
  reactStrictMode: true,
  // Cached pages and queries live in memory only, so a restart can never serve a page that an
  // edit or a consent withdrawal had invalidated (see lib/cache/handler.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/cache/handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  images: {
    // Nothing goes through Next's image optimizer: it keeps its own copies of each image for
    // hours, beyond the read access Payload checks on every media request, so a photo whose
    // consent was withdrawn could go on being served. Payload generates every size itself.
    // Media in object storage (S3_*) are served by the same routes, so no bucket is listed here.
    localPatterns: [],
    remotePatterns: [],
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload adds `Critical-CH: Sec-CH-Prefers-Color-Scheme` to every response, which makes Chromium
// request each first page twice. The hint itself (`Accept-CH`) stays, for the admin's theme.
const payloadHeaders = config.headers
config.headers = async () => [
  ...(await payloadHeaders()).map((rule) => ({
    ...rule,
    headers: rule.headers.filter(({ key }) => key !== 'Critical-CH'),
  })),
  ...securityHeaders(),
]

export default config
