import path from 'node:path'

/** Shared by the Playwright config, the e2e server script (through env) and the specs. */
export const e2ePort = Number(process.env.E2E_PORT || 3100)
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`
export const e2eDataDir = path.resolve(process.env.E2E_DATA_DIR || 'data/e2e')
export const e2eAdmin = {
  email: 'e2e-admin@example.org',
  password: 'e2e demo password, not a secret',
}
/** The e2e server's Payload secret; the preview secret is derived from it (lib/preview/secret.ts). */
export const e2ePayloadSecret = 'e2e-only-secret-not-for-production'
