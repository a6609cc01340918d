import config from '@payload-config'
import { getPayload } from 'payload'

import type { Locale } from '@/lib/locales'
import { defaultLocale } from '@/lib/locales'

/**
 * Every read the public site makes goes through here, as an anonymous visitor: access control
 * is enforced (`overrideAccess: false`, no user) so pages can only ever show what the public
 * API would. Payload's local API bypasses access by default; never call it directly from a page.
 */
const asVisitor = { overrideAccess: false, user: null, draft: false } as const

export async function listStories({ locale = defaultLocale, limit = 12, page = 1 } = {} as {
  locale?: Locale
  limit?: number
  page?: number
}) {
  const payload = await getPayload({ config })
  return payload.find({
    ...asVisitor,
    collection: 'stories',
    locale,
    limit,
    page,
    depth: 1,
    sort: '-publishedAt',
    select: { title: true, slug: true, excerpt: true, publishedAt: true, heroImage: true, program: true },
  })
}

export async function findStory(slug: string, locale: Locale = defaultLocale) {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({
    ...asVisitor,
    collection: 'stories',
    locale,
    limit: 1,
    depth: 1,
    where: { slug: { equals: slug } },
  })
  return docs[0] ?? null
}

export async function siteSettings(locale: Locale = defaultLocale) {
  const payload = await getPayload({ config })
  return payload.findGlobal({ ...asVisitor, slug: 'site-settings', locale, depth: 0 })
}

export async function navigation(locale: Locale = defaultLocale) {
  const payload = await getPayload({ config })
  return payload.findGlobal({ ...asVisitor, slug: 'navigation', locale, depth: 0 })
}
