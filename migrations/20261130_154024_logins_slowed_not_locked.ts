import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillHandedOnDonorSettings } from '@/lib/donors/backfill'
import { backfillSearchIndex } from '@/lib/search/backfillSearchIndex'
import { backfillPrivacyState } from '@/privacy/backfill'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
  // Data written through Payload, which reads with the current schema: these calls belong in the
  // newest migration, so move them forward when adding one after this.
  // The donation link and ways to help that the donors migration read before dropping them.
  await backfillHandedOnDonorSettings(req)
  // Derived privacy state (shown leaders, media each page uses, public media): before it, every
  // media file and every leader was public.
  await backfillPrivacyState(req)
  // Search reads the folded index: build it for the stories already stored.
  await backfillSearchIndex(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
}
