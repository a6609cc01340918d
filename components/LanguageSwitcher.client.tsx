'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { locales } from '@/lib/locales'

/**
 * Links to the page the visitor is on, in each language. Slugs are shared by all locales, so
 * swapping the first path segment keeps her on the same story.
 */
export function LanguageSwitcher({ current, label }: { current: string; label: string }) {
  const pathname = usePathname() ?? `/${current}`
  const rest = pathname.split('/').slice(2).join('/')
  return (
    <nav aria-label={label} className="languages">
      <ul role="list">
        {locales.map(({ code, label: name }) => (
          <li key={code}>
            <Link
              // The same page in another language is rarely the next click; and on a 404 these
              // are 404s too, whose prefetches never settle in Chromium.
              prefetch={false}
              href={`/${code}${rest ? `/${rest}` : ''}`}
              hrefLang={code}
              lang={code}
              aria-current={code === current ? 'true' : undefined}
            >
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
