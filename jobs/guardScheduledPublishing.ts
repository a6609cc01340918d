import type { CollectionBeforeDeleteHook, CollectionConfig } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '@/lib/roles'

/**
 * Payload's admin lets anyone who can open it cancel a scheduled publish (it deletes the job
 * with the user's request but without access checks). Only editors and admins may.
 */
const onlyEditorsCancel: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user || hasRole(req.user, 'admin', 'editor')) return
  const job = await req.payload
    .findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (job?.taskSlug === 'schedulePublish') throw new APIError('Only editors and admins can cancel scheduled publishing.', 403)
}

export function guardScheduledPublishing({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig {
  const hooks = defaultJobsCollection.hooks ?? {}
  return {
    ...defaultJobsCollection,
    hooks: { ...hooks, beforeDelete: [...(hooks.beforeDelete ?? []), onlyEditorsCancel] },
  }
}
