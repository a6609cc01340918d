import type { FieldHook } from 'payload'

import { excerptFrom } from '@/lib/richText/plainText'

/**
 * An empty excerpt is filled from the body. An excerpt that was derived earlier (it still
 * equals what the old body gives) follows the body when the body changes; one the editor wrote
 * is left alone.
 */
export const deriveExcerpt: FieldHook = ({ value, data, originalDoc }) => {
  const body = data?.body ?? originalDoc?.body
  const current = typeof value === 'string' ? value.trim() : ''
  const wasDerived = Boolean(originalDoc?.body) && current === excerptFrom(originalDoc?.body)
  if (!current || wasDerived) return excerptFrom(body) || null
  return current
}
