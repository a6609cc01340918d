'use client'

import { useActionState, useEffect, useRef } from 'react'

import { signUpForUpdates } from '@/lib/donors/actions'
import type { Messages } from '@/lib/i18n/messages/en'
import { type Locale, locales } from '@/lib/locales'
import { initialSignupState } from '@/lib/updates/state'

import { describedBy, ErrorSummary, FieldError, FormNotice, Honeypot } from './FormParts'

export type SignupFormText = Pick<Messages['updates'], 'email' | 'language' | 'submit' | 'sentTitle' | 'sentText'> & {
  summary: string
  required: string
  honeypot: string
}

const id = (field: string) => `updates-${field}`
const errorId = (field: string) => `updates-${field}-error`

/**
 * "Stay updated": an address and the language of the e-mails. Like the inquiry form it works as
 * a plain POST without JavaScript, and the answer never says whether the address was already on
 * the list. The confirmation link goes out by e-mail; nothing is sent until it is opened.
 */
export function SignupForm({ locale, from, text }: { locale: Locale; from: string | null; text: SignupFormText }) {
  const [state, action, pending] = useActionState(signUpForUpdates, initialSignupState)
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
        <ErrorSummary title={text.summary} errors={errors} idPrefix="updates" summaryRef={focusRef} />
      )}
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
      <div className="field">
        <label htmlFor={id('language')}>{text.language}</label>
        <select
          id={id('language')}
          name="language"
          defaultValue={values.language || locale}
          aria-invalid={errors.language ? true : undefined}
          aria-describedby={describedBy(errors.language && errorId('language'))}
        >
          {locales.map(({ code, label }) => (
            <option key={code} value={code} lang={code}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={errorId('language')} error={errors.language} />
      </div>
      <Honeypot id={id('website')} label={text.honeypot} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? `${text.submit}…` : text.submit}
      </button>
    </form>
  )
}
