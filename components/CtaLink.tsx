import Link from 'next/link'
import type { ReactNode } from 'react'

import { ctaHref } from '@/lib/donors/ctaHref'
import type { From } from '@/lib/donors/from'
import type { CtaTarget } from '@/lib/donors/targets'
import type { Locale } from '@/lib/locales'

/**
 * The one link every call to action renders: to Get involved, carrying the story or program it
 * sits on (`from`) and opening at its target. `data-cta` names the target, so clicks can be
 * counted by target without reading the address. Get involved renders per request, so it is not
 * prefetched from every page that shows a call to action.
 */
export function CtaLink({
  locale,
  target,
  from,
  className = 'button',
  children,
}: {
  locale: Locale
  target: CtaTarget
  from?: From | null
  className?: string
  children: ReactNode
}) {
  return (
    <Link href={ctaHref(locale, target, from)} className={className} data-cta={target} prefetch={false}>
      {children}
    </Link>
  )
}
