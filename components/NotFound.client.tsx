'use client'

import { useBoundaryStrings, useLocale } from './LocaleContext.client'
import { NotFoundView } from './NotFoundView'

/** The not-found boundary's message: the boundary gets no route params, so the locale comes from context. */
export function NotFoundMessage() {
  return <NotFoundView locale={useLocale()} strings={useBoundaryStrings()} />
}
