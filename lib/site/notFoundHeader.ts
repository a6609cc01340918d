/** Set by the proxy on a request it answered with 404, for the catch-all page to read. */
export const notFoundHeader = 'x-voices-not-found'
