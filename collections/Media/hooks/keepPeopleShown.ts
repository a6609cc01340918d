import type { CollectionBeforeChangeHook } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'
import { hasRole } from '@/lib/roles'

import { peopleShownKeys as keysOf } from './peopleShownKeys'

/**
 * Who an image shows is a safeguarding fact, not an edit: it is what keeps a photo of a woman off
 * the site once her photo consent ends. Anyone who may change the image may add someone to it,
 * which only protects her more; only safeguarding staff and admins may take someone off it.
 * Otherwise an editor could untag a woman who withdrew her consent and publish her photo again.
 * Voices' own writes (no signed-in user) are not judged here.
 */
export const keepPeopleShown: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || !data || !('peopleShown' in data)) return data
  if (hasRole(req.user, 'safeguarding', 'admin')) return data
  const kept = new Set(keysOf(data.peopleShown))
  if (keysOf(originalDoc?.peopleShown).some((key) => !kept.has(key))) {
    throw new Refusal(req, 'onlySafeguardingUntagsPeople', 403)
  }
  return data
}
