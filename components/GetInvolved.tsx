import { CallToActionView } from '@/blocks/CallToAction/Component'
import type { From } from '@/lib/donors/from'
import { isCtaTarget } from '@/lib/donors/targets'
import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import { storyCta } from '@/lib/site/publicApi'

/**
 * The call to action under every story, on program pages and on the home page, as editors word
 * it in the Get involved settings; each text left empty in this language reads as the built-in
 * wording. `from` is the story or program it sits on.
 */
export async function GetInvolved({
  locale,
  from,
  headingId = 'get-involved',
}: {
  locale: Locale
  from?: From | null
  headingId?: string
}) {
  const t = messages(locale)
  const cta = await storyCta(locale)
  return (
    // Its button carries data-cta: on a story page, following it is counted (CountStory).
    <CallToActionView
      landmark
      locale={locale}
      headingId={headingId}
      heading={cta?.heading || t.ctaTitle}
      text={cta?.text || t.ctaText}
      buttonLabel={cta?.buttonLabel || t.ctaButton}
      target={isCtaTarget(cta?.target) ? cta.target : 'give'}
      from={from}
    />
  )
}
