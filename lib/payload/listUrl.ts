import type { Where } from 'payload'

/** `{ and: [{ a: { equals: 1 } }] }` as `where[and][0][a][equals]=1`, the way the admin's list reads it. */
function flatten(value: unknown, prefix: string, into: URLSearchParams): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}[${key}]`, into)
  } else {
    into.append(prefix, String(value))
  }
}

/** The admin's list of a collection, filtered by `where`. */
export function adminListUrl(adminRoute: string, collection: string, where: Where): string {
  const params = new URLSearchParams()
  flatten(where, 'where', params)
  return `${adminRoute}/collections/${collection}?${params.toString()}`
}
