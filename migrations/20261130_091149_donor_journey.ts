import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillGetInvolved, readLegacyDonorSettings } from '@/lib/donors/backfill'
import { backfillSearchIndex } from '@/lib/search/backfillSearchIndex'
import { backfillPrivacyState } from '@/privacy/backfill'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // The donation link and ways to help move from site settings to the Get involved settings:
  // read them while their column and tables still exist, copy them once the new tables do.
  const legacy = await readLegacyDonorSettings(req, db)
  await db.run(sql`CREATE TABLE \`get_involved_currencies\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`currency\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`get_involved\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`get_involved_currencies_order_idx\` ON \`get_involved_currencies\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`get_involved_currencies_parent_id_idx\` ON \`get_involved_currencies\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`get_involved_currencies_locale_idx\` ON \`get_involved_currencies\` (\`_locale\`);`)
  await db.run(sql`CREATE TABLE \`get_involved_ways_to_help\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'other' NOT NULL,
  	\`icon\` text DEFAULT 'heart' NOT NULL,
  	\`link\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`get_involved\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`get_involved_ways_to_help_order_idx\` ON \`get_involved_ways_to_help\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`get_involved_ways_to_help_parent_id_idx\` ON \`get_involved_ways_to_help\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`get_involved_ways_to_help_locales\` (
  	\`title\` text NOT NULL,
  	\`text\` text,
  	\`link_label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`get_involved_ways_to_help\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`get_involved_ways_to_help_locales_locale_parent_id_unique\` ON \`get_involved_ways_to_help_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`get_involved\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`story_cta_target\` text DEFAULT 'give' NOT NULL,
  	\`donation_url_template\` text,
  	\`campaign\` text,
  	\`donation_url\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`get_involved_locales\` (
  	\`story_cta_heading\` text,
  	\`story_cta_text\` text,
  	\`story_cta_button_label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`get_involved\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`get_involved_locales_locale_parent_id_unique\` ON \`get_involved_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`get_involved_numbers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`locale\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`get_involved\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`get_involved_numbers_order_parent_idx\` ON \`get_involved_numbers\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`get_involved_numbers_locale_parent\` ON \`get_involved_numbers\` (\`locale\`,\`parent_id\`);`)
  await db.run(sql`DROP TABLE \`site_settings_ways_to_help\`;`)
  await db.run(sql`DROP TABLE \`site_settings_ways_to_help_locales\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`contact_email\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`donation_url\`;`)
  // Data written through Payload, which reads with the current schema: these calls belong in the
  // newest migration, so move them forward when adding one after this.
  await backfillGetInvolved(req, legacy)
  // Derived privacy state (shown leaders, media each page uses, public media): before it, every
  // media file and every leader was public.
  await backfillPrivacyState(req)
  // Search reads the folded index: build it for the stories already stored.
  await backfillSearchIndex(req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_settings_ways_to_help\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_ways_to_help_order_idx\` ON \`site_settings_ways_to_help\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_ways_to_help_parent_id_idx\` ON \`site_settings_ways_to_help\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_ways_to_help_locales\` (
  	\`title\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings_ways_to_help\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`site_settings_ways_to_help_locales_locale_parent_id_unique\` ON \`site_settings_ways_to_help_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`DROP TABLE \`get_involved_currencies\`;`)
  await db.run(sql`DROP TABLE \`get_involved_ways_to_help\`;`)
  await db.run(sql`DROP TABLE \`get_involved_ways_to_help_locales\`;`)
  await db.run(sql`DROP TABLE \`get_involved\`;`)
  await db.run(sql`DROP TABLE \`get_involved_locales\`;`)
  await db.run(sql`DROP TABLE \`get_involved_numbers\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`donation_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`contact_email\`;`)
}
