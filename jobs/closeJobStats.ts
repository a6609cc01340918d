import type { SanitizedConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'

/**
 * Payload adds a `payload-jobs-stats` global that records when scheduled jobs last ran, open by
 * default to every signed-in user. Whoever can write it can stop the nightly consent check from
 * being queued, so only Payload itself writes it and only admins read it.
 */
export function closeJobStats(config: SanitizedConfig): SanitizedConfig {
  const stats = config.globals.find((global) => global.slug === 'payload-jobs-stats')
  if (stats) stats.access = { ...stats.access, read: isAdmin, update: nobody, readVersions: nobody }
  return config
}
