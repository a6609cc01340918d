import type { CollectionAfterChangeHook } from 'payload'

import { recordAudit } from '@/privacy/audit/recordAudit'

import { peopleShownKeys as keysOf } from './peopleShownKeys'

/**
 * Who an image shows decides whether it may be published (her photo consent), so each change to
 * it by a member of staff is an entry in the audit log, as changes to consent records are: who
 * tagged or untagged someone, on which image, and when. The entry names the field, never the
 * people in the photo. Voices' own writes (no signed-in user, an erasure) are not logged here.
 */
export const auditPeopleShown: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (!req.user || req.context.erasing) return doc
  const before = operation === 'create' ? [] : keysOf(previousDoc?.peopleShown)
  const after = keysOf(doc.peopleShown)
  if (before.join() !== after.join()) {
    await recordAudit(req, { action: operation, collection: 'media', id: String(doc.id), fields: ['peopleShown'] })
  }
  return doc
}
