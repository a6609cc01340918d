import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
  Where,
} from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import type { PublishedCollection } from '@/privacy/content/documentAsSaved'

type Id = number | string
type Stored = { id: Id; slug?: string | null; _status?: string | null }

const noteKey = (collection: PublishedCollection, id: Id) => `voices:publishedSlug:${collection}:${id}`

/**
 * Old URLs keep working (see collections/Redirects). Hooks for stories and programs, run on every
 * write whatever the path (admin, REST, GraphQL, local API, bulk, restore, scheduled publishing):
 *
 * - before a write, the slug the public reads now is noted: the stored row's, while published
 *   (a draft save never changes the stored row, so a renamed draft keeps its old URL live);
 * - after a write that leaves the document published, the slug it publishes is its own again
 *   (any record sending it elsewhere is removed) and, if that slug changed, the old one is
 *   recorded as leading to this document;
 * - deleting a document removes the records that lead to it.
 */
export function keepOldUrls(collection: PublishedCollection): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
  beforeDelete: CollectionBeforeDeleteHook
} {
  return {
    beforeChange: async ({ data, operation, originalDoc, req }) => {
      const id = (originalDoc as Stored | undefined)?.id
      if (operation !== 'update' || id === undefined) return data
      const row = (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })) as Stored | null
      req.context[noteKey(collection, id)] = row?._status === 'published' && row.slug ? row.slug : null
      return data
    },
    afterChange: async ({ doc, req }) => {
      const { id, slug, _status } = doc as Stored
      const key = noteKey(collection, id)
      const before = req.context[key]
      delete req.context[key]
      if (_status !== 'published' || !slug) return doc
      await removeRedirects(req, { and: [{ from: { equals: slug } }, { 'to.relationTo': { equals: collection } }] })
      if (typeof before === 'string' && before !== slug) {
        await removeRedirects(req, { and: [{ from: { equals: before } }, { 'to.relationTo': { equals: collection } }] })
        await req.payload.create({
          collection: 'redirects',
          data: { from: before, to: { relationTo: collection, value: String(id) } },
          overrideAccess: true,
          req: isolatedRequest(req),
        })
      }
      return doc
    },
    beforeDelete: async ({ id, req }) => {
      await removeRedirects(req, {
        and: [{ 'to.relationTo': { equals: collection } }, { 'to.value': { equals: id } }],
      })
    },
  }
}

async function removeRedirects(req: PayloadRequest, where: Where): Promise<void> {
  await req.payload.delete({ collection: 'redirects', where, overrideAccess: true, req: isolatedRequest(req) })
}
