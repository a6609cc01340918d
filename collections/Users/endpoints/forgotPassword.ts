import type { Endpoint } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

/**
 * Replaces Payload's `POST /api/users/forgot-password` (a collection's own endpoints come first).
 * Payload's operation finds the account, stores a token and queues the e-mail before it answers,
 * and only when the e-mail has an account, so the time it took told which e-mails belong to
 * staff. Here every request is answered at once with the same words, and the operation runs
 * after the answer has gone.
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = typeof req.data?.email === 'string' ? req.data.email.trim() : ''
    if (!email) throw new Refusal(req, 'emailRequired', 400)
    const { payload } = req
    // Not awaited: the answer must not wait for it. Its own errors are logged, never shown.
    void payload
      .forgotPassword({ collection: 'users', data: { email } })
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'Password reset e-mail failed' }))
    return Response.json({ message: req.t('general:success') })
  },
}
