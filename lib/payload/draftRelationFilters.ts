import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

import { conditions, type QueryArgs } from './queryArgs'
import { fieldsOnPath } from './queryFields'

type HookArgs = {
  args?: QueryArgs & { draft?: boolean }
  collection?: { flattenedFields: FlattenedField[] }
  overrideAccess?: boolean
  req: PayloadRequest
}

/**
 * A filter that follows a relationship (`where[author.email][like]=…`) is limited by Payload to
 * the related documents the reader may read, but not on a draft read (`?draft=true`): there it
 * reached every related document, and a contributor could test other staff members' e-mail
 * addresses and roles letter by letter. On a draft read from outside, a filter may follow a
 * relationship only into a collection the reader may read whole, or name the related document's
 * id (`author.id`); anything else is refused as a field that cannot be filtered on.
 */
export async function refuseUnscopedDraftFilters({ args, collection, overrideAccess, req }: HookArgs) {
  if (!args?.draft || !collection || overrideAccess || req.payloadAPI === 'local') return args
  const fieldsOf = (slug: string) => req.payload.collections[slug as CollectionSlug]?.config.flattenedFields
  for (const { path } of conditions(args.where)) {
    const segments = path.split('.')
    const named = fieldsOnPath(segments, collection.flattenedFields, fieldsOf) ?? []
    for (const [at, field] of named.slice(0, -1).entries()) {
      const relationTo = 'relationTo' in field ? field.relationTo : undefined
      if (typeof relationTo !== 'string') continue
      // The related document's own id, as `author.id`: the same as filtering on `author`.
      if (at === named.length - 2 && segments.at(-1) === 'id') continue
      const related = req.payload.collections[relationTo as CollectionSlug]?.config
      if (!related || (await related.access.read({ req })) !== true) {
        throw new Refusal(req, 'fieldNotFilterable', 400, { field: path })
      }
    }
  }
  return args
}
