/**
 * Text folded for search, so that a query finds a story whatever the case or Unicode form of
 * either: Unicode-normalised (NFKC), lower-cased in every script (SQLite's LIKE folds only ASCII),
 * and `ё` read as `е`, as Russian readers type it. Kazakh letters (ә ғ қ ң ө ұ ү һ і) keep their
 * identity; only their case goes.
 */
export function fold(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      // Control characters are no text anyone searches for; a NUL cut SQLite's pattern short.
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** The folded text search runs over: a story's title, excerpt and plain text, in one locale. */
export function searchIndexOf(parts: Array<string | null | undefined>): string | null {
  const text = fold(parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' '))
  return text || null
}
