import type { CollectionBeforeDeleteHook } from 'payload'

import { storyStatsSlug } from '@/lib/stats/increment'

/** A deleted story's counts go with it, before its row does (they point at it). */
export const deleteStoryStats: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: storyStatsSlug,
    where: { story: { equals: id } },
    overrideAccess: true,
    req,
  })
}
