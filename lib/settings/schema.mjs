import { z } from 'zod'

import { logLevels } from '../logging/levels.mjs'

/**
 * Every setting Voices reads from the environment, in one schema: what each must be, and the
 * message that names it when it is not. `.env.example` and the README describe them; a fresh
 * clone needs none. Plain JavaScript, so that the production server (server/start.mjs) checks
 * them before it loads anything else, and the app and the jobs worker with the same rules.
 *
 * Only the form of each value is checked here; what production requires besides is in
 * productionRules.mjs.
 */

/** An unset variable and one set to spaces alike mean "use the default". */
const text = () =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() ? value.trim() : undefined), z.string().optional())

/** A whole number of at least `least`, or unset. */
const wholeNumber = (name, least) =>
  text().refine((value) => value === undefined || (/^-?\d+$/.test(value) && Number(value) >= least), {
    error: (issue) => `${name} must be a whole number of at least ${least} (got "${issue.input}")`,
  })

/** An http(s) address with nothing after the host but an optional slash, or unset. */
const origin = (name, example) =>
  text().refine((value) => value === undefined || /^https?:\/\/[^/?#\s@]+\/?$/i.test(value), {
    error: (issue) => `${name} must be an address such as ${example}, and nothing after it (got "${issue.input}")`,
  })

/**
 * Object storage for uploads (lib/uploads/objectStorage.ts): all of these, or none, and then
 * uploads stay on the local disk. Consent evidence goes to S3_PRIVATE_BUCKET, which may be
 * S3_BUCKET itself (each collection keeps its own prefix).
 */
export const objectStorageSettings = /** @type {const} */ ([
  'S3_BUCKET',
  'S3_PRIVATE_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
])

/** An S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens. */
const bucket = (name) =>
  text().refine((value) => value === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value), {
    error: (issue) =>
      `${name} must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens (got "${issue.input}")`,
  })

export const settingsSchema = z
  .object({
    PAYLOAD_SECRET: text(),
    NEXT_PUBLIC_SERVER_URL: origin('NEXT_PUBLIC_SERVER_URL', 'https://voices.example.org'),
    // Its value is never repeated: it can hold a password.
    DATABASE_URI: text().refine((value) => value === undefined || /^(mongodb(\+srv)?:\/\/|file:)/i.test(value), {
      error: 'DATABASE_URI is not a database address Voices can use: give a file: URL for SQLite or a mongodb:// one.',
    }),
    VOICES_DATA_DIR: text(),
    REDIS_URL: text().refine((value) => value === undefined || /^rediss?:\/\/[^\s/]+/i.test(value), {
      error: 'REDIS_URL must be a redis:// or rediss:// address, such as redis://cache:6379',
    }),
    PORT: text().refine((value) => value === undefined || (/^\d+$/.test(value) && +value >= 1 && +value <= 65535), {
      error: (issue) => `the port must be a number from 1 to 65535 (got "${issue.input}")`,
    }),
    VOICES_PROXY_HOPS: wholeNumber('VOICES_PROXY_HOPS', 0),
    VOICES_CONCURRENT_REQUESTS: wholeNumber('VOICES_CONCURRENT_REQUESTS', 1),
    VOICES_CONCURRENT_STAFF_REQUESTS: wholeNumber('VOICES_CONCURRENT_STAFF_REQUESTS', 1),
    VOICES_CONCURRENT_PUBLIC_BODIES: wholeNumber('VOICES_CONCURRENT_PUBLIC_BODIES', 1),
    VOICES_REQUEST_QUEUE: wholeNumber('VOICES_REQUEST_QUEUE', 0),
    VOICES_REQUEST_WAIT_SECONDS: wholeNumber('VOICES_REQUEST_WAIT_SECONDS', 1),
    VOICES_PAGE_CACHE_MB: wholeNumber('VOICES_PAGE_CACHE_MB', 0).refine(
      (value) => value === undefined || Number(value) === 0 || Number(value) >= 16,
      { error: (issue) => `VOICES_PAGE_CACHE_MB must be 0 (off) or at least 16 (got "${issue.input}")` },
    ),
    VOICES_HTTP_CACHE_URL: origin('VOICES_HTTP_CACHE_URL', 'http://front'),
    VOICES_HTTP_CACHE_REFRESH_KEY: text().refine((value) => value === undefined || /^[^\s']{32,}$/.test(value), {
      error:
        'VOICES_HTTP_CACHE_REFRESH_KEY must be at least 32 characters without spaces or quotes, e.g. openssl rand -hex 32',
    }),
    VOICES_RUN_JOBS: text().refine((value) => value === undefined || value === 'true' || value === 'false', {
      error: (issue) => `VOICES_RUN_JOBS must be true or false (got "${issue.input}")`,
    }),
    VOICES_JOBS_LEASE_SECONDS: wholeNumber('VOICES_JOBS_LEASE_SECONDS', 10),
    VOICES_INTERNAL_URL: origin('VOICES_INTERNAL_URL', 'http://app:3000'),
    VOICES_PREVIEW_SECRET: text().refine((value) => value === undefined || value.length >= 32, {
      error: 'VOICES_PREVIEW_SECRET must be at least 32 characters, e.g. openssl rand -hex 32',
    }),
    VOICES_SMTP_URL: text().refine((value) => value === undefined || /^smtps?:\/\/[^/\s]+/i.test(value), {
      error:
        'VOICES_SMTP_URL must be an smtp:// or smtps:// address, such as smtps://user:password@smtp.example.org:465',
    }),
    VOICES_SMTP_HOST: text(),
    VOICES_SMTP_PORT: text().refine(
      (value) => value === undefined || (/^\d+$/.test(value) && +value >= 1 && +value <= 65535),
      {
        error: (issue) => `VOICES_SMTP_PORT must be a port number (got "${issue.input}")`,
      },
    ),
    VOICES_MAIL_FROM_ADDRESS: text().refine((value) => value === undefined || /^[^\s@]+@[^\s@]+$/.test(value), {
      error: (issue) => `VOICES_MAIL_FROM_ADDRESS must be an e-mail address (got "${issue.input}")`,
    }),
    VOICES_LOG_LEVEL: text().refine((value) => value === undefined || logLevels.includes(value.toLowerCase()), {
      error: (issue) => `VOICES_LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${issue.input}")`,
    }),
    VOICES_SQLITE_TRANSACTIONS: text().refine((value) => value === undefined || value === 'off', {
      error: 'VOICES_SQLITE_TRANSACTIONS is either unset or off (for measuring only)',
    }),
    S3_BUCKET: bucket('S3_BUCKET'),
    S3_PRIVATE_BUCKET: bucket('S3_PRIVATE_BUCKET'),
    S3_REGION: text().refine((value) => value === undefined || /^[a-z0-9-]+$/.test(value), {
      error: (issue) => `S3_REGION must be a region name such as us-east-1 (got "${issue.input}")`,
    }),
    S3_ENDPOINT: origin('S3_ENDPOINT', 'http://minio:9000'),
    // Neither key is ever repeated in a message.
    S3_ACCESS_KEY_ID: text(),
    S3_SECRET_ACCESS_KEY: text(),
    S3_FORCE_PATH_STYLE: text().refine((value) => value === undefined || value === 'true' || value === 'false', {
      error: (issue) =>
        `S3_FORCE_PATH_STYLE must be true (MinIO and most S3-compatible servers) or false (got "${issue.input}")`,
    }),
  })
  .superRefine((settings, context) => {
    // The front is refreshed with the key after each change: one without the other cannot work.
    if (Boolean(settings.VOICES_HTTP_CACHE_URL) !== Boolean(settings.VOICES_HTTP_CACHE_REFRESH_KEY)) {
      context.addIssue({
        code: 'custom',
        path: ['VOICES_HTTP_CACHE_URL'],
        message: 'VOICES_HTTP_CACHE_URL and VOICES_HTTP_CACHE_REFRESH_KEY go together: set both, or neither',
      })
    }
    // Half a storage configuration would put uploads on the disk while the operator believes
    // they are in the bucket: one message names every setting still missing.
    const given = objectStorageSettings.filter((name) => settings[name] !== undefined)
    const missing = objectStorageSettings.filter((name) => settings[name] === undefined)
    if (given.length > 0 && missing.length > 0) {
      context.addIssue({
        code: 'custom',
        path: [missing[0]],
        message:
          `Object storage needs every S3_ setting: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set, ` +
          `but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set all of them, or none to keep uploads on the disk.`,
      })
    }
  })
