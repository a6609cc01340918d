import type { CollectionAfterReadHook } from 'payload'

import { isPublicSiteRead } from './publicSiteRead'

type Reference = { relationTo: string; value?: unknown }

const isParticipantRef = (value: unknown): value is Reference =>
  typeof value === 'object' &&
  value !== null &&
  (value as Reference).relationTo === 'participants' &&
  'value' in (value as Reference)

/** A copy of `value` in which every reference to a participant has lost its ID. */
function withoutParticipantIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParticipantIds)
  if (typeof value !== 'object' || value === null) return value
  if (isParticipantRef(value)) return { ...value, value: null }
  const entries = Object.entries(value).map(([key, inner]) => [key, withoutParticipantIds(inner)] as const)
  // A block pointing at her (a mention's fields) loses its own ID too: whoever wrote the block
  // through the API chose it, and may have made it from hers.
  const pointsAtHer = Object.values(value).some(isParticipantRef)
  return Object.fromEntries(pointsAtHer ? entries.filter(([key]) => key !== 'id') : entries)
}

/**
 * Outsiders reading a story through REST, GraphQL or the local API get no participant's ID from
 * anywhere in it: person mentions, pull quotes and links in the body (in every locale) keep their
 * place and lose whom they point at. The site renders those as public names itself, and staff
 * read them as stored. Runs after population, so nothing populated later can bring an ID back.
 */
export const hideParticipantRefs: CollectionAfterReadHook = ({ doc, overrideAccess, req }) => {
  // Voices' own reads (hooks, jobs, the publishing policy) run with access overridden and must
  // see whom a story is about; everything with access enforced and nobody signed in is an outsider.
  if (overrideAccess === true || req.user || isPublicSiteRead(req)) return doc
  return withoutParticipantIds(doc)
}
