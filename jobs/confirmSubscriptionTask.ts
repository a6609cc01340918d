import type { TaskConfig } from 'payload'

import { deliverEmail } from '@/lib/mail/adapter'
import { mailRetries } from '@/lib/mail/retries'
import { confirmationMail, subscriberLocale } from '@/lib/updates/mail'

/**
 * Sends the double opt-in link to an address waiting for confirmation (queued by the signup).
 * The link is signed when the mail is written and is valid 7 days from then; an address that
 * was confirmed, unsubscribed or deleted meanwhile gets nothing.
 */
export const confirmSubscriptionTask: TaskConfig<'confirmSubscription'> = {
  slug: 'confirmSubscription',
  label: 'E-mail a confirmation link to a new subscriber',
  inputSchema: [{ name: 'subscriber', type: 'text', required: true }],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  retries: mailRetries,
  handler: async ({ input, req }) => {
    const subscriber = await req.payload.findByID({
      collection: 'subscribers',
      id: input.subscriber,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (subscriber?.status !== 'pending') return { output: { sent: false } }
    const settings = await req.payload.findGlobal({
      slug: 'site-settings',
      locale: subscriberLocale(subscriber),
      depth: 0,
      overrideAccess: true,
      req,
    })
    await deliverEmail(req.payload, confirmationMail(subscriber, settings.organisationName || 'Voices'))
    return { output: { sent: true } }
  },
}
