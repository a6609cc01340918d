import type { Locale } from '@/lib/locales'

/**
 * Site paths always carry the locale: /en/stories, /ru/stories, /kk/stories. In a module of its
 * own so that client components can build links without bundling every language's messages.
 */
export function localePath(locale: Locale, path = ''): string {
  const clean = path.replace(/^\/+/, '')
  return clean ? `/${locale}/${clean}` : `/${locale}`
}
