import { SignupForm, type SignupFormText } from '@/components/donors/SignupForm.client'
import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

export function signupText(locale: Locale): SignupFormText {
  const t = messages(locale)
  const { email, language, submit, sentTitle, sentText } = t.updates
  return {
    email,
    language,
    submit,
    sentTitle,
    sentText,
    summary: t.formErrors.summary,
    required: t.inquiry.required,
    honeypot: t.inquiry.honeypot,
  }
}

/** "Stay updated" on Get involved: the double opt-in signup for news by e-mail. */
export function StayUpdated({ locale, from }: { locale: Locale; from: string | null }) {
  const t = messages(locale)
  return (
    <section id="stay-updated" aria-labelledby="stay-updated-title" className="section">
      <h2 id="stay-updated-title">{t.updates.title}</h2>
      <p>{t.updates.text}</p>
      <SignupForm locale={locale} from={from} text={signupText(locale)} />
    </section>
  )
}
