import type { InquiryField, InquiryValues } from './validate'

/**
 * What the inquiry form shows after a submission, with or without JavaScript: the values as
 * typed (never put in a URL), each field's error and any refusal already in the visitor's
 * language, or that the message was sent.
 */
export type InquiryState = {
  status: 'idle' | 'invalid' | 'refused' | 'sent'
  values: InquiryValues
  errors: Partial<Record<InquiryField, string>>
  /** Why the whole form was refused (abuse checks), in the visitor's language. */
  message?: string
}

export const emptyInquiry: InquiryValues = { name: '', email: '', interest: '', message: '', consent: false }

export const initialInquiryState: InquiryState = { status: 'idle', values: emptyInquiry, errors: {} }
