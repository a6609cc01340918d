import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

const seenKey = (id: unknown) => `voices:editorSaw:${String(id)}`

/**
 * Two editors saving the same story at once: neither edit is silently lost. A client that sends
 * the `updatedAt` it last read (the admin always does: it is in every form it submits, and each
 * save and autosave gives it the new one) has its save refused with 409 (`editConflict`) when
 * the story was saved by someone else since; nothing is stored, and the editor reloads and
 * makes her change again. A client that sends no `updatedAt` saves as before.
 *
 * The check is exact because writes run one at a time in transactions (lib/sqlite): the stored
 * time is read inside the same transaction that writes, so a second save waits for the first
 * and then sees its time. Only requests from outside are checked: Voices' own writes (the
 * consent takedown, scheduled publishing) never carry an editor's view. Restoring a version
 * carries that version's old time and is not an edit of what the editor saw.
 */
export const noteWhatTheEditorSaw: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const updating = args as { id?: unknown; data?: { updatedAt?: unknown } }
  if (operation !== 'update' || req.payloadAPI === 'local' || updating.id === undefined) return args
  const seen = updating.data?.updatedAt
  if (typeof seen === 'string') req.context[seenKey(updating.id)] = seen
  return args
}

export const refuseStaleEdits: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const key = seenKey(originalDoc.id)
  const seen = req.context[key]
  delete req.context[key]
  if (typeof seen !== 'string' || typeof originalDoc.updatedAt !== 'string') return data
  if (Date.parse(seen) === Date.parse(originalDoc.updatedAt)) return data
  const at = new Date(originalDoc.updatedAt).toISOString().slice(0, 16).replace('T', ' ')
  throw new Refusal(req, 'editConflict', 409, { at })
}
