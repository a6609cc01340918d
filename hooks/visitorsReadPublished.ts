import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Someone signed out reads what is published, whatever she asks for. Asked with `?draft=true`,
 * Payload reads each document's newest version and access then drops those that are drafts: a
 * published story missing from that answer, and present without it, told an outsider that an
 * unpublished edit of it was pending. Staff (signed in) still read drafts for previews.
 */
export const visitorsReadPublished: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  // REST and GraphQL leave `overrideAccess` unset, which applies access; Voices' own reads (the
  // publish check, sign-off, slugs) pass over it through the local API and read drafts.
  const forAVisitor = !req.user && !overrideAccess
  if (operation === 'read' && forAVisitor && args.draft) return { ...args, draft: false }
  return args
}
