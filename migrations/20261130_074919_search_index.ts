import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillSearchIndex } from '@/lib/search/backfillSearchIndex'
import { backfillPrivacyState } from '@/privacy/backfill'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`search_index\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_search_index\` text;`)
  // Data derived through Payload, which reads with the current schema: these calls belong in the
  // newest migration, so move them forward when adding one after this.
  // Derived privacy state (shown leaders, media each page uses, public media): before it, every
  // media file and every leader was public.
  await backfillPrivacyState(req)
  // Search reads the folded index from now on: build it for the stories already stored.
  await backfillSearchIndex(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories_locales\` DROP COLUMN \`search_index\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` DROP COLUMN \`version_search_index\`;`)
}
