'use server'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

import { formLocale } from '@/lib/donors/formLocale'
import { localePath } from '@/lib/i18n'
import type { InquiryState } from '@/lib/inquiries/state'
import { submitInquiry } from '@/lib/inquiries/submit'
import { confirmSubscription, unsubscribe } from '@/lib/updates/links'
import { signUp } from '@/lib/updates/signup'
import type { SignupState } from '@/lib/updates/state'

/**
 * The public forms' server actions. Each works as a plain POST before the page's JavaScript has
 * loaded (or without it) and as a fetch after: React re-renders the form with the returned
 * state either way. Personal data travels in the POST body only, never in a URL.
 */

export async function sendInquiry(_previous: InquiryState, form: FormData): Promise<InquiryState> {
  return submitInquiry(await getPayload({ config }), form, await headers())
}

export async function signUpForUpdates(_previous: SignupState, form: FormData): Promise<SignupState> {
  return signUp(await getPayload({ config }), form, await headers())
}

/** The confirmation page's button; the page then shows what the link now does. */
export async function confirmFromLink(form: FormData): Promise<void> {
  const token = String(form.get('token') ?? '')
  await confirmSubscription(await getPayload({ config }), token)
  redirect(`${localePath(formLocale(form), 'updates/confirm')}?token=${encodeURIComponent(token)}`)
}

/** The unsubscribe page's button (mail programs use the one-click POST endpoint instead). */
export async function unsubscribeFromLink(form: FormData): Promise<void> {
  const token = String(form.get('token') ?? '')
  await unsubscribe(await getPayload({ config }), token)
  redirect(`${localePath(formLocale(form), 'updates/unsubscribe')}?token=${encodeURIComponent(token)}`)
}
