import type { TaskConfig } from 'payload'

import { blankDraftsCron } from '@/lib/env'
import { removeBlankDrafts } from '@/lib/workflow/blankDrafts'

/** Every hour (VOICES_BLANK_DRAFTS_CRON): removes untitled drafts nobody wrote in (lib/workflow/blankDrafts.ts). */
export const removeBlankDraftsTask: TaskConfig<'removeBlankDrafts'> = {
  slug: 'removeBlankDrafts',
  label: 'Remove untitled drafts nobody wrote in',
  schedule: [{ cron: blankDraftsCron(), queue: 'default' }],
  outputSchema: [{ name: 'removed', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => ({ output: { removed: (await removeBlankDrafts(req)).length } }),
}
