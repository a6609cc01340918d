import type { MigrateUpArgs, mongooseAdapter } from '@payloadcms/db-mongodb'

import { backfillSearchIndex } from '@/lib/search/backfillSearchIndex'
import { backfillPrivacyState } from '@/privacy/backfill'

/**
 * MongoDB needs no schema migrations, but data written before Voices kept its derived privacy
 * state (shown leaders, media each story uses, public media) is brought up to date once, as the
 * SQLite migrations do, and stories get the folded search index.
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
]
