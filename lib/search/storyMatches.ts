import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'

import { publishedStoriesMatching } from '@/lib/sqlite/searchIndex'

import { fold } from './fold'

/** Which matches a read wants: `limit` of them after the first `offset`, newest first. */
export type SearchWindow = { limit: number; offset: number }

/**
 * The condition for stories matching a visitor's search: every word of it, folded (fold.ts), in
 * the story's text in that language, whatever the case. The caller's read still goes through
 * the visitor's access; it reads `skip + window.limit` stories and drops the first `skip`.
 *
 * On SQLite the full-text index (lib/sqlite/searchIndex.ts) finds the published matches in the
 * window, and the condition names them (`skip` 0). On MongoDB the condition is Payload's `like`
 * over the folded text, and the read skips the window's offset itself (`skip` = offset): a page
 * costs more the further it is, which the site's page limit bounds.
 */
export async function storySearchCondition(
  payload: Payload,
  query: string,
  locale: string,
  window: SearchWindow,
): Promise<{ where: Where; skip: number }> {
  const folded = fold(query)
  if (payload.db.name !== 'sqlite') return { where: { searchIndex: { like: folded } }, skip: window.offset }
  const words = folded.split(' ').filter(Boolean)
  const ids = await publishedStoriesMatching((payload.db as unknown as SQLiteAdapter).client, words, locale, window)
  return { where: { id: { in: ids } }, skip: 0 }
}
