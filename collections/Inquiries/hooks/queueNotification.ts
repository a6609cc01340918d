import type { CollectionAfterChangeHook } from 'payload'

import { mailQueue } from '@/lib/mail/retries'

/**
 * Each new inquiry is e-mailed to the organisation by the jobs queue, in the same transaction as
 * the inquiry itself: the visitor never waits for a mail server, and a failed send is retried.
 * The job carries only the inquiry's ID; the message is written from the stored inquiry when
 * it is sent, so no copy of what she wrote sits in the queue.
 */
export const queueInquiryNotification: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await req.payload.jobs.queue({ task: 'notifyInquiry', queue: mailQueue, input: { inquiry: String(doc.id) }, req })
  return doc
}
