import { CtaLink } from '@/components/CtaLink'
import type { From } from '@/lib/donors/from'
import type { CtaTarget } from '@/lib/donors/targets'
import type { Locale } from '@/lib/locales'

/**
 * A call to action as the site shows it: a heading, a line of text and a button to Get involved.
 * Under a story it is a landmark of its own (`aside`); placed in a body it is part of the text.
 */
export function CallToActionView({
  locale,
  heading,
  text,
  buttonLabel,
  target,
  from,
  headingId,
  landmark = false,
}: {
  locale: Locale
  heading: string
  text?: string | null
  buttonLabel: string
  target: CtaTarget
  from?: From | null
  headingId?: string
  landmark?: boolean
}) {
  const content = (
    <>
      <h2 id={headingId}>{heading}</h2>
      {text ? <p>{text}</p> : null}
      <CtaLink locale={locale} target={target} from={from}>
        {buttonLabel}
      </CtaLink>
    </>
  )
  return landmark ? (
    <aside className="cta" aria-labelledby={headingId}>
      {content}
    </aside>
  ) : (
    <div className="cta cta--inline">{content}</div>
  )
}
