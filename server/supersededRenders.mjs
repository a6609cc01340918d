/**
 * Renders that a takedown overtook.
 *
 * Next.js renders a page once however many visitors ask for it meanwhile: everyone who asks
 * while the render is under way is handed its result. A render that began before a consent
 * withdrawal (or any change to what the page shows) shows what was there before it, and a
 * visitor who asked after the withdrawal must not be given it. The page cache never keeps such a
 * render, and marks it with this header (lib/cache/handler.mjs); here, every answer carrying the
 * mark is replaced, before anything of it is sent, by a redirect to the very same address, so
 * the visitor asks again and gets a page rendered after the change. The mark never leaves the
 * server.
 */
export const supersededHeader = 'x-voices-superseded'

/** Kept on the redirect: the request's id, so its log lines and the visitor's report still meet. */
const keptHeaders = ['x-request-id']

const isMark = (name) => String(name).toLowerCase() === supersededHeader

/** Watches one answer for the mark, and turns a marked answer into "ask again". */
export function askAgainIfSuperseded(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  let superseded = false
  const original = {
    setHeader: res.setHeader,
    appendHeader: res.appendHeader,
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
  }
  const diverted = () => {
    if (!superseded) return false
    const kept = Object.fromEntries(
      keptHeaders.filter((name) => res.hasHeader(name)).map((name) => [name, res.getHeader(name)]),
    )
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    original.writeHead.call(res, 307, {
      ...kept,
      location: req.url,
      'cache-control': 'no-store',
      'content-length': '0',
    })
    original.end.call(res)
    // Whatever Next.js still sends of the overtaken render goes nowhere.
    res.setHeader = () => res
    res.appendHeader = () => res
    res.writeHead = () => res
    res.write = () => true
    res.end = () => res
    return true
  }
  res.setHeader = function (name, value) {
    if (isMark(name)) {
      superseded = true
      return this
    }
    return original.setHeader.call(this, name, value)
  }
  res.appendHeader = function (name, value) {
    if (isMark(name)) {
      superseded = true
      return this
    }
    return original.appendHeader.call(this, name, value)
  }
  res.writeHead = function (status, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object')
    if (headers && !Array.isArray(headers) && Object.keys(headers).some(isMark)) superseded = true
    if (diverted()) return this
    return original.writeHead.call(this, status, ...rest)
  }
  res.write = function (...args) {
    if (!this.headersSent && diverted()) return true
    return original.write.apply(this, args)
  }
  res.end = function (...args) {
    if (!this.headersSent && diverted()) return this
    return original.end.apply(this, args)
  }
}
