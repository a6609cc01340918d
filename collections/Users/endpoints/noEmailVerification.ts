import type { Endpoint } from 'payload'

import { NotFound } from 'payload'

/**
 * Replaces Payload's `POST /api/users/verify/:token`. Staff accounts are made by an admin, not
 * verified by e-mail, so the collection has no verification token to look up, and Payload's own
 * handler failed with a 500 on any token. Nothing is there to verify: 404.
 */
export const noEmailVerificationEndpoint: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: (req) => {
    throw new NotFound(req.t)
  },
}
