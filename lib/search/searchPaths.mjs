/**
 * The addresses of search, for the parts of the server that see only a request's URL or a cache
 * key (plain JavaScript, run before Next.js: server/, lib/cache/). Visitors search at
 * `/<locale>/search?q=…`, and each search is rendered at `/<locale>/search/<words>`
 * (lib/search/searchAddress.ts).
 */

/** The path of a results page, up to and including the segment that carries the words. */
export const resultsPathPattern = /^(\/[a-z]{2}\/search\/)[^/?#]+/

/** Whether a request's URL (path and query) asks for search: the form, or a page of results. */
export const asksForSearch = (url) => /^\/[a-z]{2}\/search(?:[/?#]|$)/.test(url ?? '')
