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

const patterns = publicRoutes.map(
  (route) => new RegExp(`^${route.replace(/\./g, '\\.').replace(/\[[a-z]+\]/g, '[^/]+')}$`),
)

/** Whether a path after the locale ("stories/the-first-circle", "" for home) is a page's shape. */
export function isPublicRoute(rest: string): boolean {
  const path = rest.replace(/^\/+|\/+$/g, '')
  return patterns.some((pattern) => pattern.test(path))
}
