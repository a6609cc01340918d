import type { MigrateUpArgs, mongooseAdapter } from '@payloadcms/db-mongodb'

import { backfillPrivacyState } from '@/privacy/backfill'

/**
 * MongoDB needs no schema migrations, but data written before Voices kept its derived privacy
 * state (shown leaders, media each story uses, public media) is brought up to date once, as the
 * SQLite migrations do.
 */
type Migrations = NonNullable<Parameters<typeof mongooseAdapter>[0]['prodMigrations']>

export const mongoMigrations: Migrations = [
  {
    name: '20261130_privacy_state',
    up: async ({ req }: MigrateUpArgs) => backfillPrivacyState(req),
    // Derived state only: nothing to undo.
    down: async () => undefined,
  },
]
