import type { SanitizedConfig } from 'payload'

/**
 * What a transfer carries: every collection and global of the config, with their versions,
 * except Payload's own bookkeeping that belongs to one database and not to the content: the
 * migrations it has run (the target runs its own) and the edit locks of open admin tabs.
 */
const leftOut = new Set(['payload-migrations', 'payload-locked-documents'])

export function carriedCollections(config: SanitizedConfig) {
  return config.collections.filter((collection) => !leftOut.has(collection.slug))
}

export function carriedGlobals(config: SanitizedConfig) {
  return config.globals
}

/** Names inside the archive. Files of the data folder keep their path, as in a backup. */
export const transferNames = {
  manifest: 'transfer.json',
  documents: (collection: string) => `documents/${collection}.ndjson`,
  versions: (collection: string) => `versions/${collection}.ndjson`,
  globals: 'globals.ndjson',
  globalVersions: (global: string) => `global-versions/${global}.ndjson`,
} as const
