import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`programs_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programs_texts_order_parent\` ON \`programs_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`programs_texts_text_idx\` ON \`programs_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`_programs_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_programs_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_programs_v_texts_order_parent\` ON \`_programs_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`sign_off_version\` text;`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`sign_off_digest\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_sign_off_version\` text;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_sign_off_digest\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`programs_texts\`;`)
  await db.run(sql`DROP TABLE \`_programs_v_texts\`;`)
  await db.run(sql`ALTER TABLE \`stories\` DROP COLUMN \`sign_off_version\`;`)
  await db.run(sql`ALTER TABLE \`stories\` DROP COLUMN \`sign_off_digest\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` DROP COLUMN \`version_sign_off_version\`;`)
  await db.run(sql`ALTER TABLE \`_stories_v\` DROP COLUMN \`version_sign_off_digest\`;`)
}
