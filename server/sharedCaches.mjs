/**
 * What shared caches (a CDN, a caching proxy) may keep of Voices' answers.
 *
 * Next.js sends cached pages with `s-maxage` of up to a year, trusting that the site will purge
 * them. Nothing purges a proxy when consent is withdrawn, so a proxy would go on serving her
 * story. Voices is the cache (lib/cache/handler.mjs): a proxy may store a page but must ask
 * again every time (`max-age=0, must-revalidate`), so a takedown reaches every reader at once.
 * Built files under /_next/static never change and keep their long lifetime.
 */
import { asksForSearch } from '../lib/search/searchPaths.mjs'

const askEveryTime = 'public, max-age=0, must-revalidate'
/**
 * Search, its form and its results: kept by no cache at all, the browser's included. What
 * someone searched for is hers alone, and a cache that kept it could tell the next visitor
 * asking for the same words that someone had (lib/cache/pageEntries.mjs, `neverKept`).
 */
const keptByNoOne = 'private, no-store'

export function keepSharedCachesHonest(req, res) {
  if (req.url?.startsWith('/_next/static/')) return
  const search = asksForSearch(req.url)
  const honest = (name, value) => {
    if (String(name).toLowerCase() !== 'cache-control') return value
    if (search) return keptByNoOne
    return /s-maxage/i.test(String(value)) ? askEveryTime : value
  }
  const setHeader = res.setHeader.bind(res)
  const appendHeader = res.appendHeader.bind(res)
  // Said before anything else, so that an answer Next.js gives no Cache-Control says it too.
  if (search) setHeader('cache-control', keptByNoOne)
  res.setHeader = (name, value) => setHeader(name, honest(name, value))
  res.appendHeader = (name, value) => appendHeader(name, honest(name, value))
}
