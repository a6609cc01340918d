import type { PayloadRequest, TypedLocale } from 'payload'

/** The one locale a write saves in, or undefined when it writes all of them at once. */
export function savingLocale(req: PayloadRequest): TypedLocale | undefined {
  return req.locale && req.locale !== 'all' ? (req.locale as TypedLocale) : undefined
}
