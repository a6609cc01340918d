import type { ServerFunction } from 'payload'

import { buildFormStateHandler } from '@payloadcms/ui/utilities/buildFormState'

import { mayEditDocument } from './mayEditDocument'

type FormStateArgs = Parameters<typeof buildFormStateHandler>[0]

/**
 * The admin's form-state function writes a lock in the caller's name straight to the database
 * (no access rule runs) whenever it is asked for the lock status of a document nobody holds.
 * Anyone signed in can call it for any document, so a contributor could lock a participant's
 * record, or the site's settings, and keep safeguarding from saving them. Here only someone who
 * may edit the document is told its lock status, and so gets a lock.
 */
export const formStateWithOwnLocks: ServerFunction<FormStateArgs> = async (args) => {
  const { collectionSlug, globalSlug, id, req, returnLockStatus } = args
  const target = globalSlug ? { globalSlug } : { document: { relationTo: collectionSlug, value: id } }
  const mayLock = returnLockStatus && (id !== undefined || globalSlug) && (await mayEditDocument(req, target))
  return buildFormStateHandler(mayLock ? args : { ...args, returnLockStatus: false })
}
