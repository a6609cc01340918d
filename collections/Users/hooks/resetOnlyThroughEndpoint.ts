import type { CollectionBeforeOperationHook } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

/**
 * GraphQL's `forgotPasswordUser` runs Payload's operation while the client waits, which would
 * time out who has an account (see ../endpoints/forgotPassword.ts); over HTTP a reset is asked
 * for through the REST endpoint only.
 */
export const resetOnlyThroughEndpoint: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // The REST endpoint runs the operation through the local API.
  if (operation !== 'forgotPassword' || req.payloadAPI === 'local') return args
  throw new Refusal(req, 'passwordResetOverRest', 400)
}
