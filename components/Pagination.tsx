import Link from 'next/link'

import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/**
 * Newer/older links for a list shown a page at a time. A list that knows its length says
 * "Page 2 of 5"; one that does not (search results, which are not counted) gives `hasNext`
 * and says "Page 2".
 */
export function Pagination({
  locale,
  href,
  page,
  ...extent
}: {
  locale: Locale
  /** The address of page `n`. */
  href: (n: number) => string
  page: number
} & ({ totalPages: number } | { hasNext: boolean })) {
  const hasNext = 'hasNext' in extent ? extent.hasNext : page < extent.totalPages
  if (page <= 1 && !hasNext) return null
  const t = messages(locale)
  return (
    <nav aria-label={t.pagination} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {t.previousPage}
        </Link>
      ) : (
        <span />
      )}
      <span>{'totalPages' in extent ? t.pageOf(page, extent.totalPages) : t.pageNumber(page)}</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next">
          {t.nextPage} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
