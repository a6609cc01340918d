import { toSlug } from '@/lib/slugify'
import type { AllLocales } from '@/privacy/content/documentAsSaved'

type Args = {
  /** The story as it will be stored, every locale (`describeWrite`). */
  saved: AllLocales
  /** What the write sent, and the story before it. */
  data: Record<string, unknown>
  originalDoc?: Record<string, unknown>
  /** The locale the write saves in: the title the slug would be made from. */
  locale: string
}

/**
 * The address a save of a story will really give it. The sign-off's digest is taken before
 * Payload's slug field runs, and while "generate from title" is on, that field replaces the slug
 * with one made from the title in the saving language, unless the write chose a slug of its own.
 * Judged on the stored slug alone, turning "generate" on would move a signed-off story to a new
 * address without voiding the sign-off. (A taken slug later gets a number; the digest then still
 * differs from the one signed, which is the safe side.)
 */
export function settledSlug({ saved, data, originalDoc, locale }: Args): unknown {
  if (!originalDoc || saved.generateSlug !== true) return saved.slug
  const chosen = data.slug !== undefined && data.slug !== originalDoc.slug
  if (chosen) return saved.slug
  const title = (saved.title as Record<string, unknown> | undefined)?.[locale]
  return typeof title === 'string' && title ? toSlug(title) || null : null
}
