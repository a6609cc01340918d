import type { Endpoint } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

import { toCsv } from '@/lib/csv'
import { hasRole } from '@/lib/roles'
import { storyReach } from '@/lib/stats/reach'
import { activeReachSources } from '@/lib/stats/sources'

/**
 * GET /api/story-stats/export — "Stories that move people" as CSV, for editors and admins: the
 * same rows and columns as the dashboard panel (last 30 days in the site's time zone), sorted
 * by `?sort=` (one of the columns' keys: clicks unless told). Cells are escaped against spreadsheet
 * formulas.
 */
export const exportReachCsv: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new Refusal(req, 'signInRequired', 401)
    if (!hasRole(req.user, 'admin', 'editor')) throw new Refusal(req, 'onlyEditorsExportStats', 403)
    const ru = req.i18n?.language === 'ru'
    const sort = new URL(req.url ?? 'http://voices/').searchParams.get('sort')
    // One of the columns, or none; anything else (`sort=__proto__`) is refused rather than ignored.
    const columns = activeReachSources(req.payload).map((source) => source.key)
    if (sort !== null && !columns.includes(sort)) throw new Refusal(req, 'malformedQuery', 400, { param: 'sort' })
    const { window, sources, rows } = await storyReach(req.payload, { sortBy: sort })
    const header = [
      ru ? 'История' : 'Story',
      ru ? 'Адрес' : 'Slug',
      ...sources.map((s) => (ru ? s.label.ru : s.label.en)),
    ]
    const csv = toCsv([
      header,
      ...rows.map((row) => [row.title, row.slug, ...sources.map((source) => row.counts[source.key] ?? 0)]),
    ])
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="stories-that-move-people-${window.since}-to-${window.until}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
