import { defineConfig } from 'vitest/config'

/**
 * Integration tests run against Payload's local API on a throwaway SQLite file per test file.
 * When MONGODB_URI is set the same suite runs a second time against MongoDB (a fresh database
 * per test file); otherwise the global setup says plainly that it was skipped.
 */
const mongoUri = process.env.MONGODB_URI?.trim()

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/isolatedDatabase.ts'],
    // Each file boots its own Payload on its own database; two at a time suits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    // The admin's server functions (tested in staff-powers) import stylesheets; Vite reads them.
    server: { deps: { inline: [/@payloadcms\/ui/, /react-image-crop/] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { VOICES_TEST_DB: 'sqlite' } } },
      ...(mongoUri ? [{ extends: true as const, test: { name: 'mongodb', env: { VOICES_TEST_DB: 'mongodb' } } }] : []),
    ],
  },
})
