/**
 * Every page shape the public site has under a locale, as in `app/(frontend)/[locale]` (a test
 * keeps the two identical). The proxy answers any other path with 404 before a page renders,
 * so the catch-all page can draw the site's 404 on the server. Next.js 16.3+ no longer renders
 * a `not-found` boundary into the HTML when a page calls `notFound()` (vercel/next.js#62228):
 * the browser draws it. That still happens for a well-formed path to something that does not
 * exist (an unknown story slug), which only the page can know.
 */
export const publicRoutes = [
  '',
  'feed.xml',
  'get-involved',
  'get-involved/give',
  'programs',
  'programs/[slug]',
  'search',
  'stories',
  'stories/[slug]',
  'stories/page/[page]',
  'stories/program/[program]',
  'stories/program/[program]/page/[page]',
  'stories/tag/[tag]',
  'stories/tag/[tag]/page/[page]',
  'updates/confirm',
  'updates/unsubscribe',
] as const

/**
 * The pages rendered afresh for every request (`dynamic = 'force-dynamic'`, a test keeps the two
 * identical); every other page is served from the page cache. The proxy gives these a nonce for
 * their scripts, while a cached page carries the hashes of its own (lib/security).
 */
export const perRequestRoutes = ['get-involved', 'search', 'updates/confirm', 'updates/unsubscribe'] as const

const patternsOf = (routes: readonly string[]) =>
  routes.map((route) => new RegExp(`^${route.replace(/\./g, '\\.').replace(/\[[a-z]+\]/g, '[^/]+')}$`))
const patterns = patternsOf(publicRoutes)
const perRequestPatterns = patternsOf(perRequestRoutes)

const trimmed = (rest: string) => rest.replace(/^\/+|\/+$/g, '')

/** Whether a path after the locale ("stories/the-first-circle", "" for home) is a page's shape. */
export function isPublicRoute(rest: string): boolean {
  return patterns.some((pattern) => pattern.test(trimmed(rest)))
}

/** Whether a path after the locale is one of the pages rendered for every request. */
export function isPerRequestRoute(rest: string): boolean {
  return perRequestPatterns.some((pattern) => pattern.test(trimmed(rest)))
}
