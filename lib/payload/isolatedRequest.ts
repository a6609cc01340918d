import type { PayloadRequest } from 'payload'

import { isolateObjectProperty } from 'payload'

/**
 * The request as seen by the local API calls a hook makes: the same user and transaction, but a
 * locale of its own. Payload sets `req.locale` to each call's `locale`; on the shared request that
 * would change the locale the triggering write saves in, and, in a bulk update whose documents
 * run side by side, the locale of the others too.
 */
export function isolatedRequest(req: PayloadRequest): PayloadRequest {
  return isolateObjectProperty(req, ['locale', 'fallbackLocale'])
}
