import type { TaskConfig } from 'payload'

import { removeOrphanFiles } from '@/lib/uploads/orphanFiles'

/**
 * Hourly: removes uploaded files no record refers to (lib/uploads/orphanFiles.ts). Payload's
 * start does so too, but only for files already ten minutes old, so a file cut off just before a
 * restart would otherwise wait for the next one.
 */
export const removeOrphanFilesTask: TaskConfig<'removeOrphanFiles'> = {
  slug: 'removeOrphanFiles',
  label: 'Remove uploaded files no record refers to',
  schedule: [{ cron: '47 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'removed', type: 'number', required: true }],
  retries: 1,
  handler: async ({ req }) => ({ output: { removed: (await removeOrphanFiles(req.payload)).length } }),
}
