'use client'

import { createContext, type ReactNode, useContext } from 'react'

import { defaultLocale, type Locale } from '@/lib/locales'

const LocaleContext = createContext<Locale>(defaultLocale)

/**
 * The page's locale for the few client components that need it. Not-found and error pages get
 * no route params; reading the locale from here (set by the locale layout) rather than from
 * the URL keeps them rendered on the server, so a 404 reads correctly without JavaScript.
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>
}

export function useLocale(): Locale {
  return useContext(LocaleContext)
}
