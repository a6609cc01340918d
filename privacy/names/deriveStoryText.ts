import type { CollectionBeforeChangeHook } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { savingLocale } from '@/lib/payload/savingLocale'
import { mentionKey, mentionNames } from '@/privacy/names/mentionNames'
import { plainText, truncateAtWord } from '@/lib/richText/plainText'
import { searchIndexOf } from '@/lib/search/fold'

export type StoryText = { searchText: string | null; excerpt: string | null }

/**
 * A story's plain text (for search) and its excerpt in one locale, with every mention read
 * from `names` (public names or neutral phrases, see mentionNames).
 *
 * An excerpt counts as the editor's own only if it differs from what the previous text gave;
 * a derived excerpt follows the body (and renamed people). Whether the excerpt is derived is
 * returned too, so redaction knows which excerpts are the editor's words.
 */
export function deriveText(
  body: unknown,
  names: Map<string, string>,
  previous: { searchText?: string | null; excerpt?: string | null },
): StoryText & { excerptDerived: boolean } {
  const text = plainText(body as Parameters<typeof plainText>[0], (node) => {
    const key = mentionKey(node)
    return key ? names.get(key) : undefined
  })
  const previousDerived = truncateAtWord(previous.searchText ?? '')
  const current = (previous.excerpt ?? '').trim()
  const excerptDerived = !current || current === previousDerived
  return {
    searchText: text || null,
    excerpt: excerptDerived ? truncateAtWord(text) || null : current,
    excerptDerived,
  }
}

/**
 * Keeps the story's plain text (for search) and, unless the editor wrote one, its excerpt, in
 * the locale being saved. People mentioned inline appear by their public name, or a neutral
 * phrase without consent, so neither text can ever carry a real name. Other locales, and
 * changes to the people themselves, are kept current by privacy/takedown/redactStories.
 */
export const deriveStoryText: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const body = data.body ?? originalDoc?.body
  const names = await mentionNames(body, isolatedRequest(req), savingLocale(req))
  const { searchText, excerpt } = deriveText(body, names, {
    searchText: originalDoc?.searchText,
    excerpt: data.excerpt ?? originalDoc?.excerpt,
  })
  data.searchText = searchText
  data.excerpt = excerpt
  data.searchIndex = searchIndexOf([data.title ?? originalDoc?.title, excerpt, searchText])
  return data
}
