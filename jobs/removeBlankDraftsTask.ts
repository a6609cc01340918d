import type { TaskConfig } from 'payload'

import { removeBlankDrafts } from '@/lib/workflow/blankDrafts'

/** Every hour: removes untitled drafts nobody wrote in (lib/workflow/blankDrafts.ts). */
export const removeBlankDraftsTask: TaskConfig<'removeBlankDrafts'> = {
  slug: 'removeBlankDrafts',
  label: 'Remove untitled drafts nobody wrote in',
  schedule: [{ cron: '17 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'removed', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => ({ output: { removed: (await removeBlankDrafts(req)).length } }),
}
