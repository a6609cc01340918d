import { formatNumber } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import type { Program } from '@/payload-types'

/** A program's headline numbers ("200 women in Almaty groups"), formatted for the reader's language. */
export function ImpactFigures({
  figures,
  locale,
  large,
}: {
  figures: Program['impactFigures']
  locale: Locale
  large?: boolean
}) {
  if (!figures?.length) return null
  return (
    <dl className={large ? 'figures figures--large' : 'figures'}>
      {figures.map((figure) => (
        <div key={figure.id ?? figure.label}>
          <dt>{figure.label}</dt>
          <dd>{formatNumber(figure.value, locale)}</dd>
        </div>
      ))}
    </dl>
  )
}
