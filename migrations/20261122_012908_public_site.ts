import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`stories_locales\` ADD \`meta_image_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`stories_meta_meta_image_idx\` ON \`stories_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_search_text\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v_locales\` ADD \`version_meta_image_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_meta_version_meta_image_idx\` ON \`_stories_v_locales\` (\`version_meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`programs_locales\` ADD \`meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`programs_locales\` ADD \`meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`programs_locales\` ADD \`meta_image_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`programs_meta_meta_image_idx\` ON \`programs_locales\` (\`meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`_programs_v_locales\` ADD \`version_meta_title\` text;`)
  await db.run(sql`ALTER TABLE \`_programs_v_locales\` ADD \`version_meta_description\` text;`)
  await db.run(sql`ALTER TABLE \`_programs_v_locales\` ADD \`version_meta_image_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`_programs_v_version_meta_version_meta_image_idx\` ON \`_programs_v_locales\` (\`version_meta_image_id\`,\`_locale\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`blur_data_url\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_stories_locales\` (
  	\`title\` text,
  	\`excerpt\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_stories_locales\`("title", "excerpt", "body", "id", "_locale", "_parent_id") SELECT "title", "excerpt", "body", "id", "_locale", "_parent_id" FROM \`stories_locales\`;`)
  await db.run(sql`DROP TABLE \`stories_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_stories_locales\` RENAME TO \`stories_locales\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`stories_locales_locale_parent_id_unique\` ON \`stories_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__stories_v_locales\` (
  	\`version_title\` text,
  	\`version_excerpt\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_stories_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__stories_v_locales\`("version_title", "version_excerpt", "version_body", "id", "_locale", "_parent_id") SELECT "version_title", "version_excerpt", "version_body", "id", "_locale", "_parent_id" FROM \`_stories_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_stories_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__stories_v_locales\` RENAME TO \`_stories_v_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`_stories_v_locales_locale_parent_id_unique\` ON \`_stories_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_programs_locales\` (
  	\`name\` text,
  	\`summary\` text,
  	\`description\` text,
  	\`location\` text,
  	\`audience\` text,
  	\`meeting_schedule\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_programs_locales\`("name", "summary", "description", "location", "audience", "meeting_schedule", "id", "_locale", "_parent_id") SELECT "name", "summary", "description", "location", "audience", "meeting_schedule", "id", "_locale", "_parent_id" FROM \`programs_locales\`;`)
  await db.run(sql`DROP TABLE \`programs_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new_programs_locales\` RENAME TO \`programs_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`programs_locales_locale_parent_id_unique\` ON \`programs_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__programs_v_locales\` (
  	\`version_name\` text,
  	\`version_summary\` text,
  	\`version_description\` text,
  	\`version_location\` text,
  	\`version_audience\` text,
  	\`version_meeting_schedule\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_programs_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__programs_v_locales\`("version_name", "version_summary", "version_description", "version_location", "version_audience", "version_meeting_schedule", "id", "_locale", "_parent_id") SELECT "version_name", "version_summary", "version_description", "version_location", "version_audience", "version_meeting_schedule", "id", "_locale", "_parent_id" FROM \`_programs_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_programs_v_locales\`;`)
  await db.run(sql`ALTER TABLE \`__new__programs_v_locales\` RENAME TO \`_programs_v_locales\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`_programs_v_locales_locale_parent_id_unique\` ON \`_programs_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`blur_data_url\`;`)
}
