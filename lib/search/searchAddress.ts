/**
 * Where search results are rendered.
 *
 * Visitors search at `/<locale>/search?q=…` (a plain GET form). A page keyed by its query string
 * is rendered for every request, so ten readers asking for the same words at once cost ten
 * renders; a page keyed by its path is rendered once for all of them, as every other page is. So
 * the proxy rewrites a search to `/<locale>/search/<words>` (and `/page/<n>` after the first
 * page), while the visitor's address stays as she typed it. The render is shared, never kept
 * (lib/cache/pageEntries.mjs, `neverKept`): what someone searched for is hers alone.
 *
 * The words travel in the path as base64url of their UTF-8 bytes: a path segment cannot carry a
 * slash, and `.` or `..` (or their escapes) would be resolved away before routing. Only the one
 * canonical encoding of words already in their searched form is accepted, so one search is one
 * cached page, not one per spelling of its address.
 */

/** The most of a query that is searched for, in UTF-16 units, as the form's `maxLength`. */
export const MAX_QUERY_LENGTH = 100

/**
 * The words searched for: control characters and runs of white space made one space, trimmed,
 * and cut to `MAX_QUERY_LENGTH`. Case is kept: the page shows the words as typed, and search
 * itself folds case (lib/search/fold.ts).
 */
export function searchWords(raw: string | null | undefined): string {
  const words = (raw ?? '')
    .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
  // A cut through a surrogate pair leaves half a character, which no address can carry.
  return words.replace(/[\uD800-\uDBFF]$/, '').trimEnd()
}

/** The path segment that carries the words. */
export function searchSegment(words: string): string {
  return Buffer.from(words, 'utf8').toString('base64url')
}

/** The words a path segment carries, or null when it is not the canonical segment of any search. */
export function wordsOfSegment(segment: string): string | null {
  // Four base64 characters carry three bytes, and a UTF-16 unit is at most three bytes of UTF-8.
  if (!/^[A-Za-z0-9_-]+$/.test(segment) || segment.length > Math.ceil((MAX_QUERY_LENGTH * 3 * 4) / 3)) return null
  const words = Buffer.from(segment, 'base64url').toString('utf8')
  // Bytes that are no UTF-8 decode to U+FFFD and encode to another segment, as do words with
  // anything `searchWords` would have changed.
  if (!words || searchWords(words) !== words || searchSegment(words) !== segment) return null
  return words
}

/** A page number as the form's links send it (`?page=2`): whole, 1 to 99,999, no leading zero. */
const pageNumberShape = /^[1-9]\d{0,4}$/

/**
 * Where the search in this query string is rendered (`/en/search/<words>`, `/page/<n>` after
 * the first page), or null when it searches for nothing and the form alone is shown. A page
 * number that is junk, or given twice, is carried as it is, and the results page answers 404,
 * as a page of the stories index that cannot exist does.
 */
export function searchResultsPath(locale: string, query: URLSearchParams): string | null {
  const words = searchWords(query.get('q'))
  if (!words) return null
  const base = `/${locale}/search/${searchSegment(words)}`
  const [page, ...more] = query.getAll('page')
  if (page === undefined || (page === '1' && !more.length)) return base
  return `${base}/page/${pageNumberShape.test(page) && !more.length ? page : 'none'}`
}
