import { createHash } from 'node:crypto'

/**
 * Voices' Content-Security-Policy, in one place for the three ways a page reaches a browser:
 *
 * - a public page served from the page cache gets a policy that allows exactly the inline scripts
 *   stored with it, by their SHA-256 hashes (the cache handler adds it when it stores the page,
 *   lib/cache/handler.mjs), so cached pages stay cached and need no per-request nonce;
 * - a page rendered per request (search, Get involved, previews, the admin) gets a fresh nonce
 *   from the proxy, which Next.js puts on every script it renders;
 * - the API and uploaded files get a policy that runs nothing at all.
 *
 * No public page ever allows `unsafe-inline` or `unsafe-eval` scripts (development adds
 * `unsafe-eval`, which React's error overlay needs). Styles allow `unsafe-inline`: React writes
 * `style` attributes (image placeholders, the admin's layout) and styles cannot run code.
 *
 * Plain JavaScript, because the cache handler is loaded by Next.js without compiling it.
 */

const isDevelopment = process.env.NODE_ENV === 'development'

/** The header's name, lower case as Next.js stores headers with a cached page. */
export const policyHeader = 'content-security-policy'

function serialise(directives) {
  return Object.entries(directives)
    .filter(([, sources]) => sources !== false)
    .map(([name, sources]) => (sources === true ? name : `${name} ${sources.join(' ')}`))
    .join('; ')
}

/** Upgrading subresources only makes sense when the site itself is served over HTTPS. */
function servedOverHttps() {
  return (process.env.NEXT_PUBLIC_SERVER_URL ?? '').trim().startsWith('https://')
}

function scriptSources(allowed) {
  const sources = ["'self'", ...allowed]
  if (isDevelopment) sources.push("'unsafe-eval'")
  return sources
}

/**
 * The public site's policy. `scripts` lists what may run inline: `'nonce-…'` for a page rendered
 * per request, `'sha256-…'` for each inline script of a cached page.
 *
 * - `frame-ancestors 'self'`: the admin frames the site for Live Preview; no other site may.
 * - `form-action 'self' https:`: the Get involved form is answered with a redirect to the
 *   donation processor the editors chose, and browsers hold redirects of a form to this list.
 */
export function sitePolicy(scripts) {
  return serialise({
    'default-src': ["'self'"],
    'script-src': scriptSources(scripts),
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': isDevelopment ? ["'self'", 'ws:'] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", 'https:'],
    'frame-ancestors': ["'self'"],
    'upgrade-insecure-requests': servedOverHttps(),
  })
}

/** The admin's policy: it frames the site for Live Preview and may itself be framed by nobody. */
export function adminPolicy(nonce) {
  return serialise({
    'default-src': ["'self'"],
    'script-src': scriptSources([`'nonce-${nonce}'`]),
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': isDevelopment ? ["'self'", 'ws:'] : ["'self'"],
    'frame-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': servedOverHttps(),
  })
}

/**
 * For everything that is not a page: API answers and uploaded files. Nothing runs, nothing loads,
 * and a file opened on its own is sandboxed, so even a file that slipped past the upload checks
 * could not act as the site.
 */
export const inertPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi

/** `'sha256-…'` for every inline script in an HTML document, in the form CSP expects. */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const [, attributes, body] of html.matchAll(inlineScript)) {
    if (/\bsrc\s*=/i.test(attributes)) continue
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** A fresh nonce: 128 random bits, as CSP asks. */
export function newNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}
