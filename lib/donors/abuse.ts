import { clientKey } from '@/lib/abuse/clientKey'
import { createRateLimiter, type RateLimiter } from '@/lib/abuse/rateLimit'

import { honeypotField } from './formFields'

/**
 * The abuse checks every public form shares (the inquiry form and the updates signup), in the
 * order they run: the body's size, the honeypot, then the per-client rate limit. Each refusal
 * happens before anything is validated or stored.
 */

/** Far above any honest form (a 3,000-character message in Cyrillic is about 6 KB). */
export const maxFormBytes = 64 * 1024

export { honeypotField }

export type FormPurpose = 'inquiry' | 'signup'

/** Five submissions per client per ten minutes, for each form separately. */
export const formLimit = { limit: 5, windowMs: 10 * 60 * 1000 }

/**
 * And sixty per ten minutes from everyone together, for each form. A client's address comes
 * from X-Forwarded-For, which only a proxy in front of Voices makes trustworthy; without one a
 * script could claim a new address for every request. This cap bounds what such a script can
 * make Voices send (staff notifications, confirmation mail) whatever it claims to be, at the
 * cost of the form resting for a few minutes while it lasts.
 */
export const sitewideFormLimit = { limit: 60, windowMs: 10 * 60 * 1000 }

const limiters: Record<FormPurpose, RateLimiter> = {
  inquiry: createRateLimiter(formLimit),
  signup: createRateLimiter(formLimit),
}

const sitewide: Record<FormPurpose, RateLimiter> = {
  inquiry: createRateLimiter(sitewideFormLimit),
  signup: createRateLimiter(sitewideFormLimit),
}

/** For tests: forget every client's recent submissions. */
export function resetFormLimits(): void {
  for (const limiter of [...Object.values(limiters), ...Object.values(sitewide)]) limiter.reset()
}

export type Refusal = { reason: 'tooLarge' } | { reason: 'refused' } | { reason: 'tooMany'; retryAfterMinutes: number }

type RequestHeaders = Pick<Headers, 'get'>

/**
 * Null when the submission may go on to validation, or why it is refused. Every submission that
 * gets as far as the rate limit counts towards it, valid or not, so a script learns nothing by
 * sending junk faster.
 */
export function screenSubmission(purpose: FormPurpose, form: FormData, headers: RequestHeaders): Refusal | null {
  const declared = Number(headers.get('content-length') ?? 0)
  if (declared > maxFormBytes || formBytes(form) > maxFormBytes) return { reason: 'tooLarge' }
  // Missing altogether means the form was not ours: a script posting straight to the action.
  if (form.get(honeypotField) !== '') return { reason: 'refused' }
  const result = limiters[purpose].take(clientKey(headers as Headers, purpose))
  if (!result.ok) return { reason: 'tooMany', retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) }
  const everyone = sitewide[purpose].take('everyone')
  if (!everyone.ok) return { reason: 'tooMany', retryAfterMinutes: Math.ceil(everyone.retryAfterSeconds / 60) }
  return null
}

/** What the fields add up to, for a body sent without a length. */
function formBytes(form: FormData): number {
  let total = 0
  for (const [name, value] of form.entries()) {
    total += Buffer.byteLength(name) + (typeof value === 'string' ? Buffer.byteLength(value) : value.size)
  }
  return total
}
