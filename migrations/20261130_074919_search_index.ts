import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`search_index\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_search_index\` text;`)
  // Its data backfill moved forward to the newest migration.
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories_locales\` DROP COLUMN \`search_index\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` DROP COLUMN \`version_search_index\`;`)
}
