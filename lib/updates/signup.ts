import type { Payload } from 'payload'

import { screenSubmission } from '@/lib/donors/abuse'
import { formLocale } from '@/lib/donors/formLocale'
import { refusalMessage } from '@/lib/donors/refusalMessage'
import { resolveFrom } from '@/lib/donors/resolveFrom'
import { isLocale, messages } from '@/lib/i18n'
import { isEmail } from '@/lib/inquiries/validate'
import { mailQueue } from '@/lib/mail/retries'

import type { SignupState } from './state'

/**
 * A second signup within this time sends no second link: the first is on its way, and nobody
 * can make Voices mail an address over and over.
 */
export const resendAfterMs = 5 * 60 * 1000

/**
 * "Stay updated": the abuse checks, then one subscriber per address. A new or unsubscribed
 * address becomes pending and is sent a confirmation link; a pending one gets a fresh link
 * (at most every five minutes); a confirmed one is left exactly as it is. The answer is the same
 * in every case, so the form never tells anyone whether an address is on the list.
 */
export async function signUp(
  payload: Payload,
  form: FormData,
  headers: Pick<Headers, 'get'>,
  now: Date = new Date(),
): Promise<SignupState> {
  const locale = formLocale(form)
  const t = messages(locale).formErrors
  const rawEmail = form.get('email')
  const email = (typeof rawEmail === 'string' ? rawEmail : '').trim().toLowerCase().slice(0, 500)
  const rawLanguage = form.get('language')
  const values: SignupState['values'] = { email, language: isLocale(rawLanguage) ? rawLanguage : '' }

  const refusal = screenSubmission('signup', form, headers)
  if (refusal) return { status: 'refused', values, errors: {}, message: refusalMessage(refusal, t) }

  const errors: SignupState['errors'] = {}
  if (!email) errors.email = t.emailRequired
  else if (!isEmail(email)) errors.email = t.emailInvalid
  if (!values.language) errors.language = t.localeInvalid
  if (Object.keys(errors).length > 0) return { status: 'invalid', values, errors }

  try {
    await subscribe(payload, { email, language: values.language || locale, from: form.get('from') }, now)
  } catch (error) {
    payload.logger.error({ msg: 'Updates: the signup could not be stored', err: error })
    return { status: 'refused', values, errors: {}, message: t.failed }
  }
  return { status: 'sent', values: { email: '', language: '' }, errors: {} }
}

async function subscribe(
  payload: Payload,
  { email, language, from }: { email: string; language: string; from: unknown },
  now: Date,
): Promise<void> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const existing = docs[0]
  // Re-signing up never unconfirms anyone.
  if (existing?.status === 'confirmed') return
  const sentAt = existing?.confirmationSentAt ? new Date(existing.confirmationSentAt).getTime() : 0
  if (existing?.status === 'pending' && now.getTime() - sentAt < resendAfterMs) return

  const origin = await resolveFrom(payload, from)
  const data = {
    status: 'pending' as const,
    locale: language as 'en' | 'ru' | 'kk',
    confirmationSentAt: now.toISOString(),
    ...(origin ? { story: origin.story ?? null, program: origin.program ?? null } : {}),
  }
  const subscriber = existing
    ? await payload.update({ collection: 'subscribers', id: existing.id, data, overrideAccess: true })
    : await payload.create({ collection: 'subscribers', data: { ...data, email }, overrideAccess: true })
  await payload.jobs.queue({
    task: 'confirmSubscription',
    queue: mailQueue,
    input: { subscriber: String(subscriber.id) },
  })
}
