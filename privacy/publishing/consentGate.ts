import type { PayloadRequest, TypedLocale } from 'payload'

import { consentFailures } from '@/privacy/consent/check'
import type { Write } from '@/privacy/content/documentAsSaved'
import type { DocumentUses } from '@/privacy/content/uses'

/** One field error of the refused write; `code` is stable for API clients (see lib/refusals). */
export type ConsentError = {
  path: string
  code: string
  message: string
  label?: string | { en: string; ru: string }
}

/**
 * The consent gate. A document cannot be published, or stay published through an edit, while
 * anyone it uses lacks valid consent for that use: named, quoted, her personal details told, or
 * shown in any image the public can see. With the "redact" policy a published story may stay up
 * with a withdrawn name shown as a neutral phrase; it can never be newly published that way.
 * Returns the reasons, for the publishing policy to refuse the write with.
 */
export async function consentErrors(
  write: Write,
  uses: DocumentUses,
  req: PayloadRequest,
  locale?: TypedLocale,
): Promise<ConsentError[]> {
  if (write.status !== 'published' || uses.needs.length === 0) return []
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const keepRedacted = settings.consentWithdrawalPolicy === 'redact' && write.publishedBefore !== null
  const failures = (await consentFailures(uses.needs, req, new Date(), locale)).filter(
    (failure) => !(keepRedacted && failure.redactable),
  )
  // The message doubles as the label: bulk results and job logs keep only the labels.
  return failures.map(({ path, message, problem }) => ({ path, code: problem.code, message, label: message }))
}
