import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { handOnLegacyDonorSettings, readLegacyDonorSettings } from '@/lib/donors/backfill'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // The donation link and ways to help move from site settings to the Get involved settings:
  // read them while their column and tables still exist, copy them once the new tables do.
  const legacy = await readLegacyDonorSettings(req, db)
  await db.run(sql`CREATE TABLE \`inquiries\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`interest\` text NOT NULL,
  	\`message\` text NOT NULL,
  	\`consent_to_contact\` integer DEFAULT false NOT NULL,
  	\`locale\` text,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`assignee_id\` text(36),
  	\`story_id\` text(36),
  	\`program_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`inquiries_status_idx\` ON \`inquiries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`inquiries_assignee_idx\` ON \`inquiries\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`inquiries_story_idx\` ON \`inquiries\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`inquiries_program_idx\` ON \`inquiries\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`inquiries_updated_at_idx\` ON \`inquiries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`inquiries_created_at_idx\` ON \`inquiries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscribers\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`locale\` text DEFAULT 'en' NOT NULL,
  	\`confirmation_sent_at\` text,
  	\`confirmed_at\` text,
  	\`unsubscribed_at\` text,
  	\`story_id\` text(36),
  	\`program_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscribers_email_idx\` ON \`subscribers\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_status_idx\` ON \`subscribers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_story_idx\` ON \`subscribers\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_program_idx\` ON \`subscribers\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_updated_at_idx\` ON \`subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_created_at_idx\` ON \`subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`story_stats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`story_id\` text(36) NOT NULL,
  	\`locale\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`views\` numeric DEFAULT 0 NOT NULL,
  	\`clicks\` numeric DEFAULT 0 NOT NULL,
  	FOREIGN KEY (\`story_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`story_stats_story_idx\` ON \`story_stats\` (\`story_id\`);`)
  await db.run(sql`CREATE INDEX \`story_stats_day_idx\` ON \`story_stats\` (\`day\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`story_locale_day_idx\` ON \`story_stats\` (\`story_id\`,\`locale\`,\`day\`);`)
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
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`inquiries_id\` text(36) REFERENCES inquiries(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscribers_id\` text(36) REFERENCES subscribers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`story_stats_id\` text(36) REFERENCES story_stats(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_inquiries_id_idx\` ON \`payload_locked_documents_rels\` (\`inquiries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_story_stats_id_idx\` ON \`payload_locked_documents_rels\` (\`story_stats_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`contact_email\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`donation_url\`;`)
  // The columns read above are gone now. Payload writes with the current schema, so the newest
  // migration copies their values into the Get involved settings and runs the data backfills.
  await handOnLegacyDonorSettings(req, legacy)
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
  await db.run(sql`DROP TABLE \`inquiries\`;`)
  await db.run(sql`DROP TABLE \`subscribers\`;`)
  await db.run(sql`DROP TABLE \`story_stats\`;`)
  await db.run(sql`DROP TABLE \`get_involved_currencies\`;`)
  await db.run(sql`DROP TABLE \`get_involved_ways_to_help\`;`)
  await db.run(sql`DROP TABLE \`get_involved_ways_to_help_locales\`;`)
  await db.run(sql`DROP TABLE \`get_involved\`;`)
  await db.run(sql`DROP TABLE \`get_involved_locales\`;`)
  await db.run(sql`DROP TABLE \`get_involved_numbers\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`stories_id\` text(36),
  	\`programs_id\` text(36),
  	\`leaders_id\` text(36),
  	\`participants_id\` text(36),
  	\`consent_evidence_id\` text(36),
  	\`tags_id\` text(36),
  	\`media_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_log_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`programs_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaders_id\`) REFERENCES \`leaders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`participants_id\`) REFERENCES \`participants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_evidence_id\`) REFERENCES \`consent_evidence\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "stories_id", "programs_id", "leaders_id", "participants_id", "consent_evidence_id", "tags_id", "media_id", "users_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "stories_id", "programs_id", "leaders_id", "participants_id", "consent_evidence_id", "tags_id", "media_id", "users_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programs_id_idx\` ON \`payload_locked_documents_rels\` (\`programs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leaders_id_idx\` ON \`payload_locked_documents_rels\` (\`leaders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_participants_id_idx\` ON \`payload_locked_documents_rels\` (\`participants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_evidence_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_evidence_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`donation_url\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`contact_email\`;`)
}
