import type { Locale } from '@/lib/locales'

/** The collections whose documents have a public page, and where that page lives. */
export const publicSections = { stories: 'stories', programs: 'programs' } as const

export type PreviewCollection = keyof typeof publicSections

export function isPreviewCollection(value: unknown): value is PreviewCollection {
  return typeof value === 'string' && Object.hasOwn(publicSections, value)
}

/**
 * A document's public page, e.g. /ru/stories/the-first-circle. The slug is encoded, so the
 * result is always a path on this site (never `//host` or a scheme), which makes it safe to
 * redirect to.
 */
export function publicPath(collection: PreviewCollection, locale: Locale, slug: string): string {
  return `/${locale}/${publicSections[collection]}/${encodeURIComponent(slug)}`
}

export const previewRoute = '/next/preview'
export const exitPreviewRoute = '/next/exit-preview'
