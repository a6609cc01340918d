import { InquiryForm } from '@/components/donors/InquiryForm.client'
import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import { siteSettings } from '@/lib/site/publicApi'

/**
 * "Write to us" on Get involved: the inquiry form, and the organisation's contact address when
 * site settings give one. `from` is the published story or program the visitor came from.
 */
export async function WriteToUs({ locale, from }: { locale: Locale; from: string | null }) {
  const t = messages(locale)
  const settings = await siteSettings(locale)
  const contact = settings.contactEmail?.trim()
  return (
    <section id="write-to-us" aria-labelledby="write-to-us-title" className="section">
      <h2 id="write-to-us-title">{t.writeToUs}</h2>
      <p>{t.writeToUsText}</p>
      {contact ? (
        <p>
          {t.contactAddress} <a href={`mailto:${contact}`}>{contact}</a>
        </p>
      ) : null}
      <InquiryForm locale={locale} from={from} text={{ ...t.inquiry, summary: t.formErrors.summary }} />
    </section>
  )
}
