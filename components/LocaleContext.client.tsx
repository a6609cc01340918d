'use client'

import { createContext, type ReactNode, useContext } from 'react'

import type { BoundaryStrings } from '@/lib/i18n'
import { defaultLocale, type Locale } from '@/lib/locales'

const LocaleContext = createContext<{ locale: Locale; strings: BoundaryStrings | null }>({
  locale: defaultLocale,
  strings: null,
})

/**
 * The page's locale, and the few strings the error and not-found boundaries show, for the client
 * components that need them. Those pages get no route params; reading the locale from here (set
 * by the locale layout) rather than from the URL keeps them rendered on the server, so a 404
 * reads correctly without JavaScript. The strings come from the layout, so that no page ships
 * every language's messages to the browser for them.
 */
export function LocaleProvider({
  locale,
  strings,
  children,
}: {
  locale: Locale
  strings: BoundaryStrings
  children: ReactNode
}) {
  return <LocaleContext.Provider value={{ locale, strings }}>{children}</LocaleContext.Provider>
}

export function useLocale(): Locale {
  return useContext(LocaleContext).locale
}

export function useBoundaryStrings(): BoundaryStrings {
  const { strings } = useContext(LocaleContext)
  if (!strings) throw new Error('useBoundaryStrings needs the LocaleProvider of the locale layout')
  return strings
}
