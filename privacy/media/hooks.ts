import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { relationId } from '@/lib/relations'
import type { PeopleCollection } from '@/privacy/content/uses'

import { globalUses, mediaShowing, refreshMediaVisibility } from './visibility'

type WithMedia = { _status?: string | null; mediaUsed?: string[] | null }

/**
 * After a story or program changes: the images it used before and uses now are checked again.
 * Saving a draft of something that was never published changes nothing the public can see.
 */
export const refreshMediaOfDocument: {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} = {
  afterChange: async ({ doc, previousDoc, req }) => {
    const now = doc as WithMedia
    const before = (previousDoc ?? {}) as WithMedia
    if (now._status === 'draft' && before._status !== 'published') return doc
    await refreshMediaVisibility(req, [...(before.mediaUsed ?? []), ...(now.mediaUsed ?? [])])
    return doc
  },
  afterDelete: async ({ doc, req }) => {
    await refreshMediaVisibility(req, (doc as WithMedia).mediaUsed ?? [])
    return doc
  },
}

/** After a media document changes (who it shows), its own visibility is checked again. */
export const refreshOwnVisibility: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'update') await refreshMediaVisibility(req, [String(doc.id)])
  return doc
}

/**
 * After a participant's or leader's record changes (consent, erasure, a leader's photo): every
 * image showing her, and a leader's old and new photo, are checked again.
 */
export function refreshMediaOfPerson(collection: PeopleCollection): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const ids = await mediaShowing({ collection, id: String(doc.id) }, req)
    if (collection === 'leaders')
      ids.push(...[relationId(previousDoc?.photo), relationId(doc.photo)].filter((id): id is string => Boolean(id)))
    await refreshMediaVisibility(req, ids)
    return doc
  }
}

/** After a global that shows an image changes (the default share image): its old and new image are checked again. */
export const refreshMediaOfSettings: GlobalAfterChangeHook = async ({ doc, previousDoc, global, req }) => {
  const uses = globalUses.filter((use) => use.global === global.slug)
  const ids = uses.flatMap((use) => [...use.media(previousDoc ?? {}), ...use.media(doc)])
  if (ids.length > 0) await refreshMediaVisibility(req, ids)
  return doc
}
