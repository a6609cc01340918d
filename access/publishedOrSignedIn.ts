import type { Access } from 'payload'

/**
 * Staff read everything; anonymous visitors read only the published version. For collections
 * with drafts the constraint also applies to `draft=true` reads, which query the versions table.
 */
export const publishedOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
