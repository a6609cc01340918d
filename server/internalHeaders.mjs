/**
 * Headers Next.js reads as instructions from itself, never from a visitor.
 *
 * `x-prerender-revalidate` carrying the build's preview key makes Next.js render a cached page
 * again on the spot and store the result. That key is also the value of the draft-mode cookie
 * every staff member's preview sets, so anyone who had seen it could make the server render any
 * page on every request. Voices expires pages by tag (lib/site/revalidate.ts), never through these
 * headers, so they are dropped from every request before Next.js sees it.
 */
const internal = [
  'x-prerender-revalidate',
  'x-prerender-revalidate-if-generated',
  'x-middleware-subrequest',
  // Next.js puts the nonce of a request's own policy on every script it renders. Only the proxy
  // may give one (proxy.ts); a visitor's would be written into a page others are then served.
  'content-security-policy',
]

export function dropInternalHeaders(req) {
  for (const name of internal) delete req.headers[name]
}
