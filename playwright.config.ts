import { defineConfig, devices } from '@playwright/test'
import fs from 'node:fs'

import { e2eLogDir } from './e2e/logs'
import { e2eAdmin, e2eBaseUrl, e2eDataDir, e2ePayloadSecret, e2ePort } from './e2e/settings'

/**
 * End-to-end tests drive the real admin UI and public site in the system Chromium, against a
 * production build (`next build && next start`) on a new, empty SQLite database that the
 * server migrates on start and the seed script then fills.
 *
 * The browser is Debian's Chromium headless shell, the same old-headless build Playwright itself
 * drives by default: a full Chromium in headless mode spent about a third more of the run's time
 * in its browser and GPU processes. The full browser still works where it is the only one.
 */
const chromiumCandidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']
const chromium = process.env.CHROMIUM_PATH || chromiumCandidates.find((file) => fs.existsSync(file))
if (!chromium || !fs.existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium ?? chromiumCandidates.join(' or ')}. Playwright cannot download its own browser on ` +
      'these machines: install the system one with `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu), ' +
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
  )
}

export default defineConfig({
  testDir: 'e2e',
  // One server and one database are shared by all specs; run them one at a time. Two workers
  // on the specs that only read bought about a minute of a five-minute run, not worth a suite
  // whose single-file runs would first wait for them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  // Last, while the server still runs: no private value the run put in reached a server's log.
  globalTeardown: './e2e/privateLogCheck.ts',
  use: {
    baseURL: e2eBaseUrl,
    // A failed test keeps its trace, with the page's DOM at each step; the filmstrip of
    // screenshots is left out, as recording it cost the browser about a third of its time.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Nothing a page links to or redirects to leaves the machine: only the test server resolves.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    wait: { stdout: /VOICES E2E READY/ },
    timeout: 10 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      E2E_PORT: String(e2ePort),
      VOICES_DATA_DIR: e2eDataDir,
      E2E_LOG_DIR: e2eLogDir,
      PAYLOAD_SECRET: e2ePayloadSecret,
      // As an operator deploys it: the public origin set, so every URL the site builds is absolute.
      NEXT_PUBLIC_SERVER_URL: e2eBaseUrl,
      VOICES_ADMIN_EMAIL: e2eAdmin.email,
      VOICES_ADMIN_PASSWORD: e2eAdmin.password,
      NEXT_TELEMETRY_DISABLED: '1',
      // Scheduled publishing is tested end to end: run due jobs every five seconds.
      VOICES_JOBS_CRON: '*/5 * * * * *',
      // So is the clean-up of untitled drafts (which only removes drafts older than an hour).
      VOICES_BLANK_DRAFTS_CRON: '*/5 * * * * *',
    },
  },
})
