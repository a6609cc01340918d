/**
 * The inquiry form's rules, checked on the server whatever the browser did. Pure: no database,
 * no request, so the table in tests/int/inquiries.test.ts can drive every case.
 */
export const interests = ['volunteer', 'partner', 'question'] as const
export type Interest = (typeof interests)[number]

export const inquiryLimits = { name: 120, email: 254, message: 3000, links: 2 } as const

export type InquiryValues = { name: string; email: string; interest: string; message: string; consent: boolean }
export type InquiryField = keyof InquiryValues

/** Keys of `formErrors` in lib/i18n/messages, so each error reads in the visitor's language. */
export type InquiryError =
  | 'nameRequired'
  | 'nameTooLong'
  | 'emailRequired'
  | 'emailInvalid'
  | 'interestRequired'
  | 'messageRequired'
  | 'messageTooLong'
  | 'tooManyLinks'
  | 'consentRequired'

export type InquiryErrors = Partial<Record<InquiryField, InquiryError>>

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Single-line text: trimmed, inner whitespace (tabs, line breaks) collapsed. */
function line(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** The values as typed, tidied only as far as storing them needs. */
export function inquiryValues(form: FormData): InquiryValues {
  return {
    name: line(text(form, 'name')),
    email: line(text(form, 'email')).toLowerCase(),
    interest: text(form, 'interest').trim(),
    // Line breaks matter in a message; only the ends are trimmed and Windows breaks unified.
    message: text(form, 'message').replace(/\r\n?/g, '\n').trim(),
    consent: ['on', 'yes', 'true'].includes(text(form, 'consent')),
  }
}

/**
 * One address, as people type it: something@something.tld, no spaces, no second @. Stricter
 * checks (does the domain take mail?) would need the network and still prove nothing.
 */
export function isEmail(value: string): boolean {
  return value.length <= inquiryLimits.email && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/.test(value)
}

/** Links as spam carries them: with a scheme, or starting with www. */
export function countLinks(value: string): number {
  return value.match(/\b(?:https?:\/\/|www\.)\S+/gi)?.length ?? 0
}

export function validateInquiry(values: InquiryValues): InquiryErrors {
  const errors: InquiryErrors = {}
  if (!values.name) errors.name = 'nameRequired'
  else if (values.name.length > inquiryLimits.name) errors.name = 'nameTooLong'
  if (!values.email) errors.email = 'emailRequired'
  else if (!isEmail(values.email)) errors.email = 'emailInvalid'
  if (!(interests as readonly string[]).includes(values.interest)) errors.interest = 'interestRequired'
  if (!values.message) errors.message = 'messageRequired'
  else if (values.message.length > inquiryLimits.message) errors.message = 'messageTooLong'
  else if (countLinks(values.message) > inquiryLimits.links) errors.message = 'tooManyLinks'
  if (!values.consent) errors.consent = 'consentRequired'
  return errors
}
