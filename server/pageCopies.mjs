/**
 * Copies of cached public pages, answered by the server itself before Next.js.
 *
 * A page Next.js serves from its page cache still costs its whole request path (routing, the
 * cache handler, headers, compression): about 1,000 pages a second on two cores, where the same
 * bytes from memory cost a tenth of that (BENCHMARKS.md, Read). So once Next.js has served a page
 * from its cache (`x-nextjs-cache: HIT`), the bytes it sent are kept, and the same request is
 * answered with them, until anything is invalidated.
 *
 * What keeps a copy honest:
 * - every invalidation the page cache receives ends every copy at once (lib/cache/invalidations.mjs),
 *   and a page whose answer was under way when one landed is not kept: a publish, an edit or a
 *   consent withdrawal reaches readers exactly as it does without copies;
 * - only a page the cache itself vouched for is kept (a HIT, never a fresh render the cache may
 *   have declined to keep), only with status 200, no cookie set, and nothing it varies on but the
 *   router's headers (which a kept request has none of) and the encoding (which is in the key);
 * - only an anonymous GET is answered or kept: no cookie (staff, draft mode), no credentials, no
 *   router or conditional headers, no query string, nothing under the API, the admin or Next.js's
 *   own paths;
 * - a copy lasts `COPY_SECONDS` at most, whatever happens.
 *
 * Kept only with the memory page cache: with several instances sharing Redis, another instance's
 * invalidation does not reach this process's count, and the HTTP cache in front does this work
 * (docs/deploy.md). `VOICES_PAGE_CACHE_MB=0` turns copies off with the cache.
 */
import { pageGeneration } from '../lib/cache/invalidations.mjs'
import { createSizedStore } from '../lib/cache/sizedStore.mjs'

/** The longest a copy is answered with, even if nothing is invalidated meanwhile. */
export const COPY_SECONDS = 10
/** A page larger than this is not kept. */
const MAX_PAGE_BYTES = 1024 * 1024

/** Headers that mark a request as not anonymous, not a plain page view, or not answerable from a copy. */
const personalHeaders = [
  'cookie',
  'authorization',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'if-none-match',
  'if-modified-since',
  'range',
]
/** What a kept page may vary on: the router's headers (never on a kept request) and the encoding. */
const keptVary = new Set([
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'accept-encoding',
])
/** Headers that belong to one connection or one answer, not to the page. */
const perAnswer = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id'])

const notPages = /^\/(?:api|admin|_next|next)(?:\/|$)/
/**
 * Longer addresses and encodings than these are left to Next.js: a page's address is short, and
 * browsers send a few encodings (`gzip, deflate, br, zstd`). Without a bound, one page under
 * thousands of made-up encodings of 16 KB each would fill the room with keys.
 */
const MAX_URL_LENGTH = 512
const MAX_ENCODINGS_LENGTH = 64

function keyOf(req) {
  if (req.method !== 'GET') return null
  const url = req.url ?? ''
  if (url.length > MAX_URL_LENGTH || url.includes('?') || url.includes('#')) return null
  if (!url.startsWith('/') || notPages.test(url)) return null
  for (const name of personalHeaders) if (req.headers[name] !== undefined) return null
  const encodings = String(req.headers['accept-encoding'] ?? '')
    .toLowerCase()
    .replace(/\s+/g, '')
  if (encodings.length > MAX_ENCODINGS_LENGTH) return null
  return `${url}\n${encodings}`
}

/** What a copy takes: its body, its key and its headers. */
function sizeOf(key, headers, body) {
  let size = key.length + body.length
  for (const [name, value] of Object.entries(headers)) size += name.length + String(value).length
  return size
}

function varyAllowsCopy(vary) {
  if (vary === undefined) return true
  return String(vary)
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .every((name) => name === '' || keptVary.has(name))
}

/** The copies of one server; `maxBytes` 0 keeps none. */
export function createPageCopies({ maxBytes }) {
  /** key -> { generation, until, headers, body, size }, least recently used first. */
  const copies = createSizedStore({ maxBytes })

  /** Answers the request with a copy, if there is a good one; true when it did. */
  function answer(req, res) {
    if (maxBytes <= 0) return false
    const key = keyOf(req)
    const copy = key && copies.get(key)
    if (!copy) return false
    if (copy.generation !== pageGeneration() || copy.until <= performance.now()) {
      copies.drop(key)
      return false
    }
    copies.keep(key, copy)
    res.writeHead(200, { ...copy.headers, 'content-length': copy.body.length })
    res.end(copy.body)
    return true
  }

  /**
   * Watches the answer Next.js sends to the request and keeps it if it is a page the cache
   * vouched for. Called before anything else wraps the response, so it sees the bytes as they go
   * out, compressed if they are.
   */
  function watch(req, res) {
    if (maxBytes <= 0) return
    const key = keyOf(req)
    if (!key) return
    const generation = pageGeneration()
    const chunks = []
    let size = 0
    let skipped = false
    const collect = (chunk, encoding) => {
      if (skipped || chunk === undefined || chunk === null || typeof chunk === 'function') return
      // Headers are set before the body: a page the cache did not serve is not collected at all.
      if (String(res.getHeader('x-nextjs-cache') ?? '').toUpperCase() !== 'HIT') {
        skipped = true
        chunks.length = 0
        return
      }
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      size += buffer.length
      if (size > MAX_PAGE_BYTES) skipped = true
      else chunks.push(Buffer.from(buffer))
    }
    const write = res.write
    const end = res.end
    res.write = function (chunk, encoding, ...rest) {
      collect(chunk, encoding)
      return write.call(this, chunk, encoding, ...rest)
    }
    res.end = function (chunk, encoding, ...rest) {
      collect(chunk, encoding)
      return end.call(this, chunk, encoding, ...rest)
    }
    res.once('finish', () => {
      if (skipped || res.statusCode !== 200 || generation !== pageGeneration()) return
      const headers = res.getHeaders()
      if (String(headers['x-nextjs-cache'] ?? '').toUpperCase() !== 'HIT') return
      if (headers['set-cookie'] !== undefined || !varyAllowsCopy(headers.vary)) return
      // An answer for no cache (server/sharedCaches.mjs) is no copy either.
      if (/no-store|private/i.test(String(headers['cache-control'] ?? ''))) return
      const kept = {}
      for (const [name, value] of Object.entries(headers)) if (!perAnswer.has(name)) kept[name] = value
      const body = Buffer.concat(chunks, size)
      copies.keep(key, {
        generation,
        until: performance.now() + COPY_SECONDS * 1000,
        headers: kept,
        body,
        size: sizeOf(key, kept, body),
      })
    })
  }

  /** What is kept, for tests and benchmarks. */
  const usage = () => {
    const { entries, bytes } = copies.usage()
    return { copies: entries, bytes }
  }

  return { answer, watch, usage }
}
