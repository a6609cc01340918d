import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import type { CacheTag } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'

type Doc = { _status?: 'draft' | 'published' | null }

/**
 * Collection hooks that revalidate the public site when a change could be visible there. For
 * collections with drafts that means publishing, editing what is published, and unpublishing;
 * saving a draft of an unpublished document changes nothing public.
 */
export function revalidateCollection(...tags: CacheTag[]): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    afterChange: ({ doc, previousDoc, req }) => {
      const visibleNow = (doc as Doc)._status !== 'draft'
      const visibleBefore = previousDoc && (previousDoc as Doc)._status !== 'draft'
      if (visibleNow || visibleBefore) revalidatePublicSite(tags, req)
      return doc
    },
    afterDelete: ({ doc, req }) => {
      revalidatePublicSite(tags, req)
      return doc
    },
  }
}

export function revalidateGlobal(...tags: CacheTag[]): GlobalAfterChangeHook {
  return ({ doc, req }) => {
    revalidatePublicSite(tags, req)
    return doc
  }
}
