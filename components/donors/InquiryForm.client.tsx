'use client'

import { useActionState, useEffect, useRef } from 'react'

import { sendInquiry } from '@/lib/donors/actions'
import { initialInquiryState } from '@/lib/inquiries/state'
import { inquiryLimits, interests } from '@/lib/inquiries/validate'
import type { Messages } from '@/lib/i18n/messages/en'
import type { Locale } from '@/lib/locales'

import { describedBy, ErrorSummary, FieldError, FormNotice, Honeypot } from './FormParts'

export type InquiryFormText = Messages['inquiry'] & { summary: string }

const id = (field: string) => `inquiry-${field}`
const errorId = (field: string) => `inquiry-${field}-error`

/**
 * "Write to us". Without JavaScript the browser posts the form and the page comes back with the
 * errors, or the thank-you, and every value as typed; with it the same server action runs
 * without a page load and focus moves to the errors or the thank-you. The browser's own checks
 * are off (`noValidate`) so that every message reads in the page's language.
 */
export function InquiryForm({ locale, from, text }: { locale: Locale; from: string | null; text: InquiryFormText }) {
  const [state, action, pending] = useActionState(sendInquiry, initialInquiryState)
  const focusRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state.status !== 'idle') focusRef.current?.focus()
  }, [state])

  if (state.status === 'sent') {
    return (
      <FormNotice kind="status" noticeRef={focusRef}>
        <h3>{text.sentTitle}</h3>
        <p>{text.sentText}</p>
      </FormNotice>
    )
  }

  const { values, errors } = state
  const required = <span className="field__required">({text.required})</span>
  return (
    <form action={action} noValidate className="form">
      <input type="hidden" name="locale" value={locale} />
      {from ? <input type="hidden" name="from" value={from} /> : null}
      {state.status === 'refused' ? (
        <FormNotice kind="alert" noticeRef={focusRef}>
          <p>{state.message}</p>
        </FormNotice>
      ) : (
        <ErrorSummary title={text.summary} errors={errors} idPrefix="inquiry" summaryRef={focusRef} />
      )}

      <div className="field">
        <label htmlFor={id('name')}>
          {text.name} {required}
        </label>
        <input
          id={id('name')}
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={inquiryLimits.name * 2}
          defaultValue={values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(errors.name && errorId('name'))}
        />
        <FieldError id={errorId('name')} error={errors.name} />
      </div>

      <div className="field">
        <label htmlFor={id('email')}>
          {text.email} {required}
        </label>
        <input
          id={id('email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(errors.email && errorId('email'))}
        />
        <FieldError id={errorId('email')} error={errors.email} />
      </div>

      <fieldset
        className="field field--choices"
        id={id('interest')}
        aria-invalid={errors.interest ? true : undefined}
        aria-describedby={describedBy(errors.interest && errorId('interest'))}
      >
        <legend>
          {text.interest} {required}
        </legend>
        {interests.map((interest) => (
          <label key={interest} className="choice">
            <input type="radio" name="interest" value={interest} defaultChecked={values.interest === interest} />
            {text[interest]}
          </label>
        ))}
        <FieldError id={errorId('interest')} error={errors.interest} />
      </fieldset>

      <div className="field">
        <label htmlFor={id('message')}>
          {text.message} {required}
        </label>
        <p id={id('message-hint')} className="field__hint">
          {text.messageHint}
        </p>
        <textarea
          id={id('message')}
          name="message"
          rows={7}
          required
          defaultValue={values.message}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={describedBy(id('message-hint'), errors.message && errorId('message'))}
        />
        <FieldError id={errorId('message')} error={errors.message} />
      </div>

      <div className="field">
        <label className="choice">
          <input
            id={id('consent')}
            type="checkbox"
            name="consent"
            value="yes"
            required
            defaultChecked={values.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={describedBy(errors.consent && errorId('consent'))}
          />
          <span>
            {text.consent} {required}
          </span>
        </label>
        <FieldError id={errorId('consent')} error={errors.consent} />
      </div>

      <Honeypot id={id('website')} label={text.honeypot} />
      <p className="field__hint">{text.privacy}</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? text.sending : text.submit}
      </button>
    </form>
  )
}
