/**
 * Query strings on pages that do not read them.
 *
 * Next.js writes the address a page was rendered for into the page, query string and all, and a
 * page served from the page cache is rendered once for everyone: the first visitor after a change
 * who came by `…/stories?fbclid=…` or `?utm_campaign=…` would have her link's parameters served
 * to every reader after her. Only a few pages read their query string; every other page is
 * answered as if asked without one (the router's own `_rsc` kept on the router's fetches), so no
 * visitor's parameters
 * reach the page cache, and the server's copies can answer her too.
 */

/** The pages under a locale that read their query string (a test keeps this to app/). */
export const pagesReadingQuery = [
  'get-involved',
  'get-involved/give',
  'search',
  'updates/confirm',
  'updates/unsubscribe',
]

/** The router's own parameter, which Next.js checks against the request's router headers. */
const routerParameter = '_rsc'

/** Drops the query string of a GET or HEAD for a page under a locale that does not read it. */
export function dropUnreadQuery(req) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.includes('?')) return
  let url
  try {
    url = new URL(req.url, 'http://voices.invalid')
  } catch {
    return
  }
  const [, locale = '', ...rest] = url.pathname.split('/')
  if (!/^[a-z]{2}$/.test(locale)) return
  if (pagesReadingQuery.includes(rest.filter(Boolean).join('/'))) return
  // Only the router's own fetches carry it; on any other request it is a visitor's text.
  const kept = req.headers?.rsc === undefined ? [] : url.searchParams.getAll(routerParameter)
  const query = kept.length ? `?${new URLSearchParams(kept.map((value) => [routerParameter, value]))}` : ''
  req.url = `${req.url.slice(0, req.url.indexOf('?'))}${query}`
}
