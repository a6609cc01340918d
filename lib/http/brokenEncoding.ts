/**
 * Whether a path's percent-escapes do not decode (`%ff`, an overlong `%C0%AE`, a lone `%`).
 * Next.js cannot route such a path: it fails while matching the route and, with no pages-router
 * error page to draw, answers a bare 500. The proxy answers it first (see proxy.ts).
 */
export function hasBrokenEncoding(pathname: string): boolean {
  if (!pathname.includes('%')) return false
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

const message = 'This address is not valid.'

/** 400, in Payload's shape of error under /api and as plain text elsewhere. */
export function brokenEncodingResponse(pathname: string): Response {
  const headers = { 'Cache-Control': 'no-store' }
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    return Response.json({ errors: [{ message }] }, { status: 400, headers })
  }
  return new Response(`${message}\n`, {
    status: 400,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
