import type { Locale } from '@/lib/locales'
import { findOrigin, type Origin } from '@/lib/site/publicApi'

import { parseFrom } from './from'

export type { Origin }

/**
 * The published story or program named by a request's `from` parameter, read through the
 * cached public API; null when the parameter is missing or malformed, or names nothing published.
 */
export async function originOf(searchParams: Parameters<typeof parseFrom>[0], locale: Locale): Promise<Origin | null> {
  const from = parseFrom(searchParams)
  return from ? findOrigin(from.kind, from.slug, locale) : null
}
