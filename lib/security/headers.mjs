import { inertPolicy } from './contentSecurityPolicy.mjs'

/**
 * Headers every response carries, set once in next.config.mjs. Pages get their
 * Content-Security-Policy from the proxy or the page cache (./contentSecurityPolicy.mjs); the API
 * and uploaded files get one that runs nothing.
 */
export function securityHeaders({ production = process.env.NODE_ENV === 'production', serverUrl } = {}) {
  const origin = (serverUrl ?? process.env.NEXT_PUBLIC_SERVER_URL ?? '').trim()
  const everywhere = [
    // Browsers take the declared type, never a guess: an upload cannot turn into a script or page.
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // A visitor's path through stories about abuse and poverty is nobody else's business: other
    // sites learn nothing of the page a link was followed from.
    { key: 'Referrer-Policy', value: 'same-origin' },
    // Nothing in Voices needs the camera, microphone, location, payments or USB.
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    },
    // Pages opened from Voices cannot reach back into it, and it cannot be framed by other sites
    // (the CSP's frame-ancestors says the same to browsers that read it).
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  ]
  // Only over HTTPS, and only in production: on plain http://localhost it would stick to the host.
  if (production && origin.startsWith('https://')) {
    everywhere.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' })
  }
  return [
    { source: '/:path*', headers: everywhere },
    // The GraphQL playground (development only) is a page of its own and keeps its scripts.
    {
      source: '/api/:path((?!graphql-playground).*)',
      headers: [{ key: 'Content-Security-Policy', value: inertPolicy }],
    },
  ]
}
