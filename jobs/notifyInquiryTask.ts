import type { TaskConfig } from 'payload'

import { inquiryNotification, inquiryRecipients } from '@/lib/inquiries/notification'
import { deliverEmail } from '@/lib/mail/adapter'
import { mailRetries } from '@/lib/mail/retries'

/**
 * E-mails a new inquiry to the organisation (queued by the collection's afterChange hook). The
 * message is written from the stored inquiry now; one deleted meanwhile is not sent.
 */
export const notifyInquiryTask: TaskConfig<'notifyInquiry'> = {
  slug: 'notifyInquiry',
  label: 'E-mail a new inquiry to the organisation',
  inputSchema: [{ name: 'inquiry', type: 'text', required: true }],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  retries: mailRetries,
  handler: async ({ input, req }) => {
    const inquiry = await req.payload.findByID({
      collection: 'inquiries',
      id: input.inquiry,
      depth: 1,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!inquiry) return { output: { sent: false } }
    const to = await inquiryRecipients(req)
    await deliverEmail(req.payload, inquiryNotification(inquiry, to))
    return { output: { sent: true } }
  },
}
