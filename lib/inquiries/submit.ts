import type { Payload } from 'payload'

import { screenSubmission } from '@/lib/donors/abuse'
import { formLocale } from '@/lib/donors/formLocale'
import { refusalMessage } from '@/lib/donors/refusalMessage'
import { resolveFrom } from '@/lib/donors/resolveFrom'
import { messages } from '@/lib/i18n'

import { emptyInquiry, type InquiryState } from './state'
import { type InquiryErrors, inquiryLimits, inquiryValues, type InquiryValues, validateInquiry } from './validate'

/**
 * The one way an inquiry is created: the abuse checks (size, honeypot, rate limit), then the
 * form's rules, then the inquiry with the published story or program it came from. A refused or
 * invalid submission stores nothing. The new inquiry's hook queues the e-mail to staff.
 */
export async function submitInquiry(
  payload: Payload,
  form: FormData,
  headers: Pick<Headers, 'get'>,
): Promise<InquiryState> {
  const locale = formLocale(form)
  const t = messages(locale).formErrors
  const values = inquiryValues(form)
  const refusal = screenSubmission('inquiry', form, headers)
  if (refusal) return { status: 'refused', values: keepable(values), errors: {}, message: refusalMessage(refusal, t) }

  const problems = validateInquiry(values)
  if (Object.keys(problems).length > 0) {
    return { status: 'invalid', values: keepable(values), errors: translate(problems, t) }
  }

  const origin = await resolveFrom(payload, form.get('from'))
  try {
    await payload.create({
      collection: 'inquiries',
      data: {
        name: values.name,
        email: values.email,
        interest: values.interest as 'volunteer' | 'partner' | 'question',
        message: values.message,
        consentToContact: true,
        status: 'new',
        locale,
        story: origin?.story,
        program: origin?.program,
      },
      overrideAccess: true,
    })
  } catch (error) {
    payload.logger.error({ msg: 'Inquiry: could not be stored', err: error })
    return { status: 'refused', values: keepable(values), errors: {}, message: t.failed }
  }
  return { status: 'sent', values: emptyInquiry, errors: {} }
}

/**
 * The values shown back in the form, as typed so nobody has to type them again, but bounded:
 * a text too long stays too long (so she sees what to shorten), not megabytes long.
 */
function keepable(values: InquiryValues): InquiryValues {
  return {
    ...values,
    name: values.name.slice(0, inquiryLimits.name * 2),
    email: values.email.slice(0, inquiryLimits.email * 2),
    message: values.message.slice(0, inquiryLimits.message * 2),
  }
}

function translate(problems: InquiryErrors, t: ReturnType<typeof messages>['formErrors']): InquiryState['errors'] {
  return Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t[key]])) as InquiryState['errors']
}
