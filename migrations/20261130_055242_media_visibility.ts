import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillPrivacyState } from '@/privacy/backfill'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`public\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_card_small_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_hero_small_filename\` text;`)
  await db.run(sql`CREATE INDEX \`media_public_idx\` ON \`media\` (\`public\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_small_sizes_card_small_filename_idx\` ON \`media\` (\`sizes_card_small_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_hero_small_sizes_hero_small_filename_idx\` ON \`media\` (\`sizes_hero_small_filename\`);`)
  // Media were public by default before: decide each one's visibility from what uses it now.
  await backfillPrivacyState(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_public_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_card_small_sizes_card_small_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_hero_small_sizes_hero_small_filename_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_card_small_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_hero_small_filename\`;`)
}
