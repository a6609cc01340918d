import type { ServerProps } from 'payload'

import { isLocale } from '@/lib/i18n'
import { voicesT } from '@/lib/refusals/translate'
import { hasRole } from '@/lib/roles'
import { storyReach } from '@/lib/stats/reach'
import { reachDays } from '@/lib/stats/window'

const cell = { padding: '0.4rem 0.75rem', borderBottom: '1px solid var(--theme-elevation-150)' } as const
const numberCell = { ...cell, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' }

/**
 * The admin home's "Stories that move people", for editors and admins: per story, views, clicks
 * and whatever else a story led to (inquiries, sign-ups, once Voices has them) over the last 30
 * days, sorted by clicks or by the column chosen, with the same table as CSV.
 */
export async function StoriesThatMovePeople({ payload, user, i18n, searchParams, locale }: ServerProps) {
  if (!hasRole(user, 'admin', 'editor')) return null
  const t = voicesT(i18n ? { t: i18n.t as never } : undefined)
  const requested = searchParams?.reachSort
  const sortBy = typeof requested === 'string' ? requested : null
  const { window, sources, rows } = await storyReach(payload, {
    sortBy,
    locale: isLocale(locale?.code) ? locale.code : undefined,
  })
  const sorted = sources.some((source) => source.key === sortBy) ? sortBy : 'clicks'
  const label = (source: (typeof sources)[number]) => (i18n?.language === 'ru' ? source.label.ru : source.label.en)
  return (
    <section
      className="voices-card voices-dashboard"
      aria-labelledby="stories-that-move-people"
      data-testid="stories-that-move-people"
    >
      <h2 id="stories-that-move-people" className="voices-card__title">
        {t('voices:reach:title')}
      </h2>
      <p>
        {t('voices:reach:window', {
          days: String(reachDays),
          since: window.since,
          until: window.until,
          zone: window.timeZone,
        })}
      </p>
      {rows.length === 0 ? (
        <p className="voices-card__empty">{t('voices:reach:none', { days: String(reachDays) })}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', marginBottom: '0.75rem' }}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>
                {t('voices:reach:story')}
              </th>
              {sources.map((source) => (
                <th
                  key={source.key}
                  scope="col"
                  style={numberCell}
                  aria-sort={source.key === sorted ? 'descending' : undefined}
                >
                  <a
                    href={`?reachSort=${source.key}`}
                    title={t('voices:reach:sortBy', { column: label(source).toLowerCase() })}
                  >
                    {label(source)}
                    {source.key === sorted ? ' ↓' : ''}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }}>
                  <a href={`/admin/collections/stories/${row.id}`}>{row.title}</a>
                </th>
                {sources.map((source) => (
                  <td key={source.key} style={numberCell}>
                    {row.counts[source.key] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/api/story-stats/export?sort=${sorted}`} download>
          {t('voices:reach:csv')}
        </a>
      </p>
    </section>
  )
}
