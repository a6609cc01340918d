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
// Long and random-looking, as production requires (lib/env.ts refuses weak secrets); it is public.
export const e2ePayloadSecret = '06ba039d5bc7592c50610424d9cc121cfb8f434f37f510e5ed980531b9968c37'
