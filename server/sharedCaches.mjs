/**
 * What shared caches (a CDN, a caching proxy) may keep of Voices' answers.
 *
 * Next.js sends cached pages with `s-maxage` of up to a year, trusting that the site will purge
 * them. Nothing purges a proxy when consent is withdrawn, so a proxy would go on serving her
 * story. Voices is the cache (lib/cache/handler.mjs): a proxy may store a page but must ask
 * again every time (`max-age=0, must-revalidate`), so a takedown reaches every reader at once.
 * Built files under /_next/static never change and keep their long lifetime.
 */
const askEveryTime = 'public, max-age=0, must-revalidate'

export function keepSharedCachesHonest(req, res) {
  if (req.url?.startsWith('/_next/static/')) return
  const honest = (name, value) =>
    String(name).toLowerCase() === 'cache-control' && /s-maxage/i.test(String(value)) ? askEveryTime : value
  const setHeader = res.setHeader.bind(res)
  const appendHeader = res.appendHeader.bind(res)
  res.setHeader = (name, value) => setHeader(name, honest(name, value))
  res.appendHeader = (name, value) => appendHeader(name, honest(name, value))
}
