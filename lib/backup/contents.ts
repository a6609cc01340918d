/**
 * What a backup holds, besides the database snapshot: every file in these folders and these
 * single files of the data folder (VOICES_DATA_DIR). Restore replaces exactly these, and the
 * database file with its WAL, nothing else in the folder (the `backups` folder stays).
 *
 * A new upload collection must keep its files under one of the folders
 * (tests/int/backup.test.ts checks every upload collection of the config).
 */
export const backedUpFolders = [
  // Images: the public `media` collection.
  'media',
  // Consent evidence (`private/consent-evidence`), and any private upload added later.
  'private',
  // Mail written while no SMTP server is configured: then the only copy of each message.
  'outbox',
] as const

export const backedUpFiles = [
  // The development PAYLOAD_SECRET. Subscribers' confirm and unsubscribe links and admin sessions
  // are signed with it: a restored instance without it breaks every link already mailed.
  '.payload-secret',
  // The demo admin's remembered login: it belongs to the users table it is restored with.
  'demo-admin-login.json',
] as const

/** Names inside the archive. Files keep their path relative to the data folder. */
export const archiveNames = { database: 'voices.db', manifest: 'manifest.json' } as const
