import Link from 'next/link'

import type { Origin } from '@/lib/donors/origin'
import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/** "You came from The first circle", linking back: only ever for a published story or program. */
export function CameFrom({ locale, origin }: { locale: Locale; origin: Origin }) {
  const [before, after] = messages(locale).cameFrom(origin.kind)
  const path = `${origin.kind === 'story' ? 'stories' : 'programs'}/${origin.slug}`
  return (
    <p className="notice came-from">
      {before}
      <Link href={localePath(locale, path)}>{origin.title}</Link>
      {after}
    </p>
  )
}
