import type { Metadata } from 'next'

import { intlLocale, localePath } from '@/lib/i18n'
import { defaultLocale, type Locale, locales } from '@/lib/locales'
import type { Media } from '@/payload-types'

import { siteOrigin } from './origin'
import { defaultShareImage, siteSettings } from './publicApi'

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

/** The 1200 × 630 rendition when Payload made one (it never enlarges), else the original. */
function shareCard(image: Media | string | null | undefined) {
  if (!image || typeof image !== 'object') return null
  const share = image.sizes?.share
  const file = share?.url ? share : image.url ? image : null
  if (!file?.url) return null
  return {
    url: new URL(file.url, siteOrigin()).toString(),
    width: file.width ?? undefined,
    height: file.height ?? undefined,
    alt: image.alt,
  }
}

/** The card for pages with no image of their own: the default share image from site settings. */
export async function defaultShareCard(locale: Locale) {
  return shareCard(await defaultShareImage(locale))
}

/**
 * Canonical URL, hreflang alternates in every locale, Open Graph and Twitter cards. A page without
 * an image of its own is shared with the default image from site settings. Next.js replaces a
 * layout's `openGraph` wholesale, so the site name is set here too.
 */
export async function pageMetadata({
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
  publishedTime,
}: PageMeta): Promise<Metadata> {
  const languages: Record<string, string> = Object.fromEntries(
    locales.map(({ code }) => [code, localePath(code, path)]),
  )
  languages['x-default'] = localePath(defaultLocale, path)
  const [settings, fallback] = await Promise.all([siteSettings(locale), defaultShareCard(locale)])
  const card = shareCard(image) ?? fallback
  const images = card ? [card] : undefined
  // Lists and other pages with nothing of their own to say are described by the organisation.
  const summary = description ?? settings.mission ?? settings.tagline ?? undefined
  return {
    title,
    description: summary,
    alternates: { canonical: localePath(locale, path), languages },
    openGraph: {
      type,
      siteName: settings.organisationName || 'Voices',
      title,
      description: summary,
      url: localePath(locale, path),
      locale: intlLocale[locale].replace('-', '_'),
      images,
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
    },
    twitter: { card: images ? 'summary_large_image' : 'summary', title, description: summary, images },
  }
}
