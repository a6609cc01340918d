import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'

import { publishedStoriesMatching } from '@/lib/sqlite/searchIndex'

import { fold } from './fold'

/**
 * The condition for stories matching a visitor's search: every word of it, folded (fold.ts), in
 * the story's text in that language, whatever the case.
 *
 * On SQLite the full-text index (lib/sqlite/searchIndex.ts) finds the newest `limit` published
 * matches, and the condition names them; the caller's read still goes through the visitor's
 * access. On MongoDB the condition is Payload's `like` over the folded text.
 */
export async function storySearchCondition(
  payload: Payload,
  query: string,
  locale: string,
  limit: number,
): Promise<Where> {
  const folded = fold(query)
  if (payload.db.name !== 'sqlite') return { searchIndex: { like: folded } }
  const words = folded.split(' ').filter(Boolean)
  const ids = await publishedStoriesMatching((payload.db as unknown as SQLiteAdapter).client, words, locale, limit)
  return { id: { in: ids } }
}
