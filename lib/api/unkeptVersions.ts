import type { SanitizedConfig } from 'payload'

import { type Refused, refused } from './refused'

/**
 * Payload routes `/api/<collection>/versions…` and `/api/globals/<slug>/versions…` for every
 * collection and global, and for one that keeps no versions (participants, media, users, …) its
 * version query fails on a table that does not exist: a 500 to any signed-in user. There is
 * simply nothing there: 404, before Payload looks.
 */
export function unkeptVersions(request: Request, config: SanitizedConfig): Refused | null {
  const api = config.routes.api ?? '/api'
  const { pathname } = new URL(request.url)
  if (!pathname.startsWith(`${api}/`)) return null
  const [first, second, third] = pathname.slice(api.length + 1).split('/')
  if (first === 'globals') {
    const global = config.globals.find((g) => g.slug === second)
    return global && third === 'versions' && !global.versions
      ? refused('noVersionsKept', 404, { slug: global.slug })
      : null
  }
  const collection = config.collections.find((c) => c.slug === first)
  return collection && second === 'versions' && !collection.versions
    ? refused('noVersionsKept', 404, { slug: collection.slug })
    : null
}
