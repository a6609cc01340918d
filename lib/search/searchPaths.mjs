/**
 * The address of search (`/<locale>/search?q=…`), for the parts of the server that see only a
 * request's URL (plain JavaScript, run before Next.js: server/).
 */

/**
 * Whether a request's URL asks for search. Read as Next.js routes it: `.` and `..` segments, and
 * their escapes, are resolved first, so `/en/./search?q=…` is search too.
 */
export function asksForSearch(url) {
  let pathname
  try {
    pathname = new URL(url ?? '', 'http://voices.invalid').pathname
  } catch {
    return false
  }
  return /^\/[a-z]{2}\/search(?:\/|$)/.test(pathname)
}
