import type { Metadata } from 'next'

import { intlLocale, localePath } from '@/lib/i18n'
import { defaultLocale, type Locale, locales } from '@/lib/locales'
import type { Media } from '@/payload-types'

import { siteOrigin } from './origin'

type PageMeta = {
  locale: Locale
  /** The path after the locale, e.g. "stories/the-first-circle". */
  path: string
  title?: string
  description?: string | null
  image?: Media | string | null
  type?: 'website' | 'article'
  publishedTime?: string | null
}

/** Canonical URL, hreflang alternates in every locale, Open Graph and Twitter cards. */
export function pageMetadata({
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
  publishedTime,
}: PageMeta): Metadata {
  const languages: Record<string, string> = Object.fromEntries(
    locales.map(({ code }) => [code, localePath(code, path)]),
  )
  languages['x-default'] = localePath(defaultLocale, path)
  const media = image && typeof image === 'object' ? image : null
  const share = media?.sizes?.share
  const images =
    media && share?.url
      ? [
          {
            url: new URL(share.url, siteOrigin()).toString(),
            width: share.width ?? 1200,
            height: share.height ?? 630,
            alt: media.alt,
          },
        ]
      : undefined
  return {
    title,
    description: description ?? undefined,
    alternates: { canonical: localePath(locale, path), languages },
    openGraph: {
      type,
      title,
      description: description ?? undefined,
      url: localePath(locale, path),
      locale: intlLocale[locale].replace('-', '_'),
      images,
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
    },
    twitter: { card: images ? 'summary_large_image' : 'summary', title, description: description ?? undefined, images },
  }
}
