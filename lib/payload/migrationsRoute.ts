import type { SanitizedConfig } from 'payload'

/**
 * Payload's migrations collection has no REST endpoints, and Payload answers any request for it
 * with 501 and the request's full URL. Like every other path `/api` has nothing at, it is a 404.
 */
export function migrationsNotFound(config: SanitizedConfig): SanitizedConfig {
  const migrations = config.collections.find((collection) => collection.slug === 'payload-migrations')
  if (migrations) migrations.endpoints = []
  return config
}
