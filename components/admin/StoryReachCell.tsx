import { headers } from 'next/headers'
import type { Payload } from 'payload'
import { cache } from 'react'

import { hasRole } from '@/lib/roles'
import { reachCounts } from '@/lib/stats/reach'

// Once per rendered list, not once per cell.
const seesStats = cache(async (payload: Payload) => {
  const { user } = await payload.auth({ headers: await headers() })
  return hasRole(user, 'admin', 'editor')
})

const countsOf = cache(async (payload: Payload) => (await reachCounts(payload)).byStory)

type Props = { payload: Payload; rowData?: { id?: unknown }; source: string; i18n?: { language?: string } }

/** A story's count over the last 30 days on the stories list (fields/reachColumn.ts). */
export async function StoryReachCell({ payload, rowData, source, i18n }: Props) {
  if (!(await seesStats(payload))) return <span>—</span>
  const count = (await countsOf(payload)).get(String(rowData?.id))?.[source] ?? 0
  return <span>{count.toLocaleString(i18n?.language === 'ru' ? 'ru-RU' : 'en-GB')}</span>
}
