import { hasUnsafeCharacters } from '@/lib/text/unsafeCharacters'

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
  | 'nameInvalid'
  | 'emailRequired'
  | 'emailInvalid'
  | 'interestRequired'
  | 'messageRequired'
  | 'messageTooLong'
  | 'messageInvalid'
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
 * One address, as Payload's own email fields check it (payload/dist/fields/validations.js), so an
 * address the form accepts is one Payload stores: no spaces, no quotes, no "..", a dotted domain.
 * Whether the domain takes mail would need the network, and still prove nothing.
 */
const emailPattern =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

export function isEmail(value: string): boolean {
  return value.length <= inquiryLimits.email && emailPattern.test(value)
}

/**
 * Anything a mail program or a reader would follow: a scheme (`https://`, `hxxps:/\`, `t.me:`
 * spelled any way), `www.`, or a bare domain with a Latin or Cyrillic top-level domain
 * (`t.me/x`, `пример.рф`). Full-width look-alikes are folded first; e-mail addresses are not
 * links. Abbreviations such as "т.е." or "г.Алматы" have no such ending and are not counted.
 */
const linkPattern =
  /[a-z][a-z0-9+.-]*:[\\/]+\S+|\bwww\.\S+|(?<![\p{L}\p{N}.@-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,24}|xn--[a-z0-9-]+|рф|қаз)(?![\p{L}\p{N}-])(?:\/\S*)?/giu

export function countLinks(value: string): number {
  const text = value.normalize('NFKC').replace(/\S+@\S+/g, ' ')
  return text.match(linkPattern)?.length ?? 0
}

export function validateInquiry(values: InquiryValues): InquiryErrors {
  const errors: InquiryErrors = {}
  if (!values.name) errors.name = 'nameRequired'
  else if (values.name.length > inquiryLimits.name) errors.name = 'nameTooLong'
  else if (hasUnsafeCharacters(values.name)) errors.name = 'nameInvalid'
  if (!values.email) errors.email = 'emailRequired'
  else if (!isEmail(values.email)) errors.email = 'emailInvalid'
  if (!(interests as readonly string[]).includes(values.interest)) errors.interest = 'interestRequired'
  if (!values.message) errors.message = 'messageRequired'
  else if (values.message.length > inquiryLimits.message) errors.message = 'messageTooLong'
  else if (hasUnsafeCharacters(values.message)) errors.message = 'messageInvalid'
  else if (countLinks(values.message) > inquiryLimits.links) errors.message = 'tooManyLinks'
  if (!values.consent) errors.consent = 'consentRequired'
  return errors
}
