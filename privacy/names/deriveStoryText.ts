import type { CollectionBeforeChangeHook } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { savingLocale } from '@/lib/payload/savingLocale'
import { mentionKey, mentionNames } from '@/privacy/names/mentionNames'
import { plainText, truncateAtWord } from '@/lib/richText/plainText'

/**
 * Keeps the story's plain text (for search) and, unless the editor wrote one, its excerpt, in
 * the locale being saved. People mentioned inline appear by their public name, or a neutral
 * phrase without consent, so neither text can ever carry a real name.
 *
 * An excerpt counts as the editor's own only if it differs from what the previous text gave;
 * a derived excerpt follows the body (and renamed people) on every save.
 */
export const deriveStoryText: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const body = data.body ?? originalDoc?.body
  const names = await mentionNames(body, isolatedRequest(req), savingLocale(req))
  const text = plainText(body, (node) => {
    const key = mentionKey(node)
    return key ? names.get(key) : undefined
  })
  const previousDerived = truncateAtWord(originalDoc?.searchText ?? '')
  const current = (data.excerpt ?? originalDoc?.excerpt ?? '').trim()
  data.searchText = text || null
  if (!current || current === previousDerived) data.excerpt = truncateAtWord(text) || null
  else data.excerpt = current
  return data
}
