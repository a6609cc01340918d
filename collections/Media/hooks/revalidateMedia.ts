import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { cacheTags } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'

type MediaDoc = { public?: boolean | null }

/**
 * Only an image the public can see (`public`, set by privacy/media/visibility.ts) shows on any
 * page, so only a change to one that is or was public renews the site. Any member of staff may
 * upload: were every upload to expire every page with an image, a contributor could have the
 * whole site rendered again at will. An image turning public or private is renewed where its
 * visibility is worked out.
 */
export const revalidateMediaChange: CollectionAfterChangeHook = ({ doc, previousDoc, req }) => {
  if ((doc as MediaDoc).public || (previousDoc as MediaDoc | undefined)?.public) {
    revalidatePublicSite([cacheTags.media], req)
  }
  return doc
}

export const revalidateMediaDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  if ((doc as MediaDoc).public) revalidatePublicSite([cacheTags.media], req)
  return doc
}
