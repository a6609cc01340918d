import type { ReactNode, Ref } from 'react'

import { honeypotField } from '@/lib/donors/formFields'

/**
 * Pieces the public forms share. Plain components without hooks, so both the server and the
 * forms' client components render them.
 */

/** The field's error, announced with the field (`aria-describedby`). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null
}

export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ')
  return list || undefined
}

/**
 * The honeypot: hidden from people (and from screen readers and autofill), left in the page for
 * scripts that fill in every field they find. Anything typed into it refuses the submission.
 */
export function Honeypot({ id, label }: { id: string; label: string }) {
  return (
    <div className="form__trap" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}

/** Every error at the top of the form, each a link to its field; focused when it appears. */
export function ErrorSummary({
  title,
  errors,
  idPrefix,
  summaryRef,
}: {
  title: string
  errors: Record<string, string | undefined>
  idPrefix: string
  summaryRef?: Ref<HTMLDivElement>
}) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]))
  if (!entries.length) return null
  return (
    <div className="form__summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p>{title}</p>
      <ul>
        {entries.map(([field, error]) => (
          <li key={field}>
            <a href={`#${idPrefix}-${field}`}>{error}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A refusal of the whole form (abuse checks), or a message that it went through. */
export function FormNotice({
  kind,
  noticeRef,
  children,
}: {
  kind: 'alert' | 'status'
  noticeRef?: Ref<HTMLDivElement>
  children: ReactNode
}) {
  return (
    <div className={kind === 'alert' ? 'form__summary' : 'notice form__sent'} role={kind} tabIndex={-1} ref={noticeRef}>
      {children}
    </div>
  )
}
