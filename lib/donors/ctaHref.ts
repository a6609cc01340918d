import { localePath } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

import { type From, fromValue } from './from'
import type { CtaTarget } from './targets'

/**
 * The address of a call to action: Get involved in the reader's language, with the story or
 * program it was clicked on, at the target's anchor, e.g.
 * `/ru/get-involved?from=story:the-first-circle#give`.
 */
export function ctaHref(locale: Locale, target: CtaTarget, from?: From | null): string {
  const query = from ? `?from=${fromValue(from)}` : ''
  return `${localePath(locale, 'get-involved')}${query}#${target}`
}
