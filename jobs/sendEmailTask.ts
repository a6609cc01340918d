import type { SendEmailOptions, TaskConfig } from 'payload'

import { deliverEmail } from '@/lib/mail/adapter'
import { mailRetries } from '@/lib/mail/retries'

/**
 * Sends one message that was queued through `payload.sendEmail` (lib/mail/adapter.ts), such as a
 * password reset link. The job, and the message in it, is deleted once the message is sent.
 */
export const sendEmailTask: TaskConfig<'sendEmail'> = {
  slug: 'sendEmail',
  label: 'Send an e-mail',
  inputSchema: [{ name: 'message', type: 'json', required: true }],
  retries: mailRetries,
  handler: async ({ input, req }) => {
    await deliverEmail(req.payload, input.message as SendEmailOptions)
    return { output: {} }
  },
}
