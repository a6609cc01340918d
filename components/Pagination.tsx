import Link from 'next/link'

import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

/** Older/newer links for a paginated list whose pages live at `${base}/page/N`. */
export function Pagination({
  locale,
  base,
  page,
  totalPages,
}: {
  locale: Locale
  base: string
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  const t = messages(locale)
  const href = (n: number) => (n === 1 ? base : `${base}/page/${n}`)
  return (
    <nav aria-label={t.pagination} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {t.previousPage}
        </Link>
      ) : (
        <span />
      )}
      <span>{t.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          {t.nextPage} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
