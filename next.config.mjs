import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Voices is served from its own host; the admin and API live under /admin and /api.
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Uploaded media is served by Payload from this same host.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
