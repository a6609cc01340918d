/**
 * What shared caches (a CDN, a caching proxy) may keep of Voices' answers.
 *
 * Next.js sends cached pages with `s-maxage` of up to a year, trusting that the site will purge
 * them. Nothing purges a proxy when consent is withdrawn, so a proxy would go on serving her
 * story. Voices is the cache (lib/cache/handler.mjs): a proxy may store a page but must ask
 * again every time (`max-age=0, must-revalidate`), so a takedown reaches every reader at once.
 * Built files under /_next/static never change and keep their long lifetime.
 */
import { oneRequestHeader } from '../lib/cache/pageEntries.mjs'
import { asksForSearch } from '../lib/search/searchPaths.mjs'

const askEveryTime = 'public, max-age=0, must-revalidate'
/**
 * Kept by no cache at all, the browser's included:
 * - search, its form and its results: what someone searched for is hers alone, and a cache that
 *   kept it could tell the next visitor asking for the same words that someone had;
 * - a page rendered for one request (lib/cache/pageEntries.mjs, `forOneRequest`), and every
 *   answer Next.js handed that render out in. The mark itself never leaves the server.
 */
const keptByNoOne = 'private, no-store'

const isMark = (name) => String(name).toLowerCase() === oneRequestHeader

export function keepSharedCachesHonest(req, res) {
  if (req.url?.startsWith('/_next/static/')) return
  let forNoOne = asksForSearch(req.url)
  const honest = (name, value) => {
    if (String(name).toLowerCase() !== 'cache-control') return value
    if (forNoOne) return keptByNoOne
    return /s-maxage/i.test(String(value)) ? askEveryTime : value
  }
  const original = { setHeader: res.setHeader, appendHeader: res.appendHeader, writeHead: res.writeHead }
  const markSeen = () => {
    forNoOne = true
    original.setHeader.call(res, 'cache-control', keptByNoOne)
  }
  // Said before anything else, so that an answer Next.js gives no Cache-Control says it too.
  if (forNoOne) original.setHeader.call(res, 'cache-control', keptByNoOne)
  res.setHeader = function (name, value) {
    if (!isMark(name)) return original.setHeader.call(this, name, honest(name, value))
    markSeen()
    return this
  }
  res.appendHeader = function (name, value) {
    if (!isMark(name)) return original.appendHeader.call(this, name, honest(name, value))
    markSeen()
    return this
  }
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg))
    if (headers) {
      const marks = Object.keys(headers).filter(isMark)
      for (const name of marks) delete headers[name]
      if (marks.length) markSeen()
      for (const name of Object.keys(headers)) {
        if (String(name).toLowerCase() === 'cache-control') headers[name] = honest(name, headers[name])
      }
    }
    return original.writeHead.call(this, status, ...rest)
  }
}
