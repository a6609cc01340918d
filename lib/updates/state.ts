import type { Locale } from '@/lib/locales'

/** What the signup form shows after a submission, with or without JavaScript. */
export type SignupState = {
  status: 'idle' | 'invalid' | 'refused' | 'sent'
  values: { email: string; language: Locale | '' }
  errors: Partial<Record<'email' | 'language', string>>
  message?: string
}

export const initialSignupState: SignupState = { status: 'idle', values: { email: '', language: '' }, errors: {} }
