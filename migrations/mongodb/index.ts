import type { MigrateUpArgs, mongooseAdapter } from '@payloadcms/db-mongodb'

import { backfillGetInvolved, readLegacyDonorSettings } from '@/lib/donors/backfill'
import { backfillSearchIndex } from '@/lib/search/backfillSearchIndex'
import { backfillPrivacyState } from '@/privacy/backfill'

/**
 * MongoDB needs no schema migrations, but data written before Voices kept its derived privacy
 * state (shown leaders, media each story uses, public media) is brought up to date once, as the
 * SQLite migrations do, stories get the folded search index, and the donation link and ways to
 * help are copied from site settings into the Get involved settings.
 */
type Migrations = NonNullable<Parameters<typeof mongooseAdapter>[0]['prodMigrations']>

export const mongoMigrations: Migrations = [
  {
    name: '20261130_privacy_state',
    up: async ({ req }: MigrateUpArgs) => {
      await backfillPrivacyState(req)
      await backfillSearchIndex(req)
    },
    // Derived state only: nothing to undo.
    down: async () => undefined,
  },
  {
    name: '20261130_donor_journey',
    // The donation link and ways to help moved from site settings to the Get involved settings;
    // the stored site settings document still holds them.
    up: async ({ req }: MigrateUpArgs) => {
      await backfillGetInvolved(req, await readLegacyDonorSettings(req))
    },
    // The old values stay in the site settings document: nothing to undo.
    down: async () => undefined,
  },
]
