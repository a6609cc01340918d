import Link from 'next/link'

import { isHelpIcon } from '@/lib/donors/helpKinds'
import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import type { GetInvolved } from '@/payload-types'

import { HelpIcon } from './HelpIcon'

type Way = NonNullable<GetInvolved['waysToHelp']>[number]

function WayLink({ locale, link, label }: { locale: Locale; link: string; label: string }) {
  if (link.startsWith('#')) return <a href={link}>{label}</a>
  if (link.startsWith('/')) return <Link href={localePath(locale, link)}>{label}</Link>
  return (
    <a href={link} rel="noopener">
      {label}
    </a>
  )
}

/**
 * The ways to help, as editors list them in the Get involved settings. The first entry of each
 * kind is the anchor a call to action of that kind opens (`#volunteer`, `#partner`); `#give`
 * belongs to the donation panel while it is shown.
 */
export function WaysToHelp({ locale, ways, givePanel }: { locale: Locale; ways: Way[]; givePanel: boolean }) {
  const t = messages(locale)
  const anchored = new Set<string>(givePanel ? ['give', 'other'] : ['other'])
  return (
    <section aria-labelledby="ways-to-help" className="section">
      <h2 id="ways-to-help">{t.waysToHelp}</h2>
      <ul role="list" className="ways">
        {ways.map((way) => {
          const id = anchored.has(way.kind) ? undefined : way.kind
          anchored.add(way.kind)
          return (
            <li key={way.id ?? way.title} id={id} className="way">
              <HelpIcon name={isHelpIcon(way.icon) ? way.icon : 'heart'} />
              <h3>{way.title}</h3>
              {way.text ? <p>{way.text}</p> : null}
              {way.link && way.linkLabel ? <WayLink locale={locale} link={way.link} label={way.linkLabel} /> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
