import { describe, expect, it } from 'vitest'

import { checkSettings } from '@/lib/settings/checkSettings.mjs'
import { settingsSchema } from '@/lib/settings/schema.mjs'

/**
 * Every setting is checked in one place (lib/settings) by the production server, `next start`,
 * development and the jobs worker alike. Each row sets one variable to a bad value on top of a
 * good production configuration: the check must name that variable, and only that one.
 */
const good = {
  PAYLOAD_SECRET: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012345abcdef6789',
  NEXT_PUBLIC_SERVER_URL: 'https://voices.kz-women.org',
}

const rows: Array<[variable: string, value: string, message: RegExp]> = [
  ['NEXT_PUBLIC_SERVER_URL', 'voices.kz-women.org', /NEXT_PUBLIC_SERVER_URL must be an address/],
  ['NEXT_PUBLIC_SERVER_URL', 'https://voices.kz-women.org/en', /NEXT_PUBLIC_SERVER_URL .*nothing after it/],
  ['NEXT_PUBLIC_SERVER_URL', 'ftp://voices.kz-women.org', /NEXT_PUBLIC_SERVER_URL must be an address/],
  ['NEXT_PUBLIC_SERVER_URL', 'https://voices.example.org', /NEXT_PUBLIC_SERVER_URL is an example address/],
  ['NEXT_PUBLIC_SERVER_URL', 'https://example.com', /NEXT_PUBLIC_SERVER_URL is an example address/],
  ['DATABASE_URI', 'postgres://voices:hunter2@db/voices', /DATABASE_URI is not a database address Voices can use/],
  ['DATABASE_URI', 'libsql://db.turso.io', /DATABASE_URI is not a database address/],
  ['REDIS_URL', 'cache:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ address/],
  ['PORT', '0', /the port must be a number from 1 to 65535 \(got "0"\)/],
  ['PORT', 'eighty', /the port must be a number/],
  ['VOICES_PROXY_HOPS', '-1', /VOICES_PROXY_HOPS must be a whole number of at least 0 \(got "-1"\)/],
  ['VOICES_PROXY_HOPS', '1.5', /VOICES_PROXY_HOPS must be a whole number/],
  ['VOICES_CONCURRENT_REQUESTS', '0', /VOICES_CONCURRENT_REQUESTS must be a whole number of at least 1/],
  ['VOICES_CONCURRENT_STAFF_REQUESTS', 'four', /VOICES_CONCURRENT_STAFF_REQUESTS must be a whole number/],
  ['VOICES_CONCURRENT_PUBLIC_BODIES', '0', /VOICES_CONCURRENT_PUBLIC_BODIES must be a whole number/],
  ['VOICES_REQUEST_QUEUE', '-5', /VOICES_REQUEST_QUEUE must be a whole number of at least 0/],
  ['VOICES_REQUEST_WAIT_SECONDS', 'soon', /VOICES_REQUEST_WAIT_SECONDS must be a whole number/],
  ['VOICES_PAGE_CACHE_MB', '4', /VOICES_PAGE_CACHE_MB must be 0 \(off\) or at least 16 \(got "4"\)/],
  ['VOICES_HTTP_CACHE_URL', 'http://front', /VOICES_HTTP_CACHE_URL and VOICES_HTTP_CACHE_REFRESH_KEY go together/],
  ['VOICES_HTTP_CACHE_REFRESH_KEY', 'k'.repeat(40), /go together: set both, or neither/],
  ['VOICES_RUN_JOBS', 'no', /VOICES_RUN_JOBS must be true or false \(got "no"\)/],
  ['VOICES_JOBS_LEASE_SECONDS', '5', /VOICES_JOBS_LEASE_SECONDS must be a whole number of at least 10 \(got "5"\)/],
  ['VOICES_INTERNAL_URL', 'app:3000', /VOICES_INTERNAL_URL must be an address such as http:\/\/app:3000/],
  ['VOICES_PREVIEW_SECRET', 'short', /VOICES_PREVIEW_SECRET must be at least 32 characters/],
  ['VOICES_SMTP_URL', 'mail.kz-women.org', /VOICES_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/],
  ['VOICES_SMTP_PORT', '99999', /VOICES_SMTP_PORT must be a port number \(got "99999"\)/],
  ['VOICES_MAIL_FROM_ADDRESS', 'voices', /VOICES_MAIL_FROM_ADDRESS must be an e-mail address/],
  ['VOICES_SQLITE_TRANSACTIONS', 'maybe', /VOICES_SQLITE_TRANSACTIONS is either unset or off/],
  // Object storage alone, without the rest of it: the message names every setting still missing.
  ['S3_BUCKET', 'voices-media', /S3_BUCKET is set, but S3_PRIVATE_BUCKET, S3_REGION, S3_ENDPOINT, .* are not/],
  ['S3_PRIVATE_BUCKET', 'voices-private', /S3_PRIVATE_BUCKET is set, but S3_BUCKET, S3_REGION, .* are not/],
  ['S3_REGION', 'us-east-1', /S3_REGION is set, but S3_BUCKET, .*S3_FORCE_PATH_STYLE are not/],
  ['S3_ENDPOINT', 'http://minio:9000', /S3_ENDPOINT is set, but S3_BUCKET, .* are not/],
  ['S3_ACCESS_KEY_ID', 'voices-app', /S3_ACCESS_KEY_ID is set, but S3_BUCKET, .*S3_SECRET_ACCESS_KEY, .* are not/],
  [
    'S3_SECRET_ACCESS_KEY',
    'a3f1c9e07b2d4c6e',
    /S3_SECRET_ACCESS_KEY is set, but S3_BUCKET, .*S3_ACCESS_KEY_ID, .* are not/,
  ],
  ['S3_FORCE_PATH_STYLE', 'true', /S3_FORCE_PATH_STYLE is set, but S3_BUCKET, .* are not/],
  [
    'VOICES_LOG_LEVEL',
    'verbose',
    /VOICES_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/,
  ],
  ['PAYLOAD_SECRET', '', /PAYLOAD_SECRET is not set/],
  ['PAYLOAD_SECRET', 'short-secret', /PAYLOAD_SECRET is too short \(12 characters; at least 32\)/],
  ['PAYLOAD_SECRET', 'change-me-change-me-change-me-change-me', /PAYLOAD_SECRET is an example value/],
  ['PAYLOAD_SECRET', 'ab'.repeat(20), /PAYLOAD_SECRET repeats too few characters/],
]

describe('settings', () => {
  it('a good production configuration passes, and unset settings keep their defaults', () => {
    expect(checkSettings(good, { production: true })).toEqual({ problems: [], settings: good })
  })

  it.each(rows)('%s=%j is refused in production, naming it', (variable, value, message) => {
    const { problems, settings } = checkSettings({ ...good, [variable]: value }, { production: true })
    expect(settings).toBeNull()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
    // A secret is told of by its name, never by its value.
    if (/SECRET|KEY|PASS|URI/.test(variable) && value.length > 3) expect(problems[0]).not.toContain(value)
  })

  it('names every variable the schema knows in a row above', () => {
    const tested = new Set(rows.map(([variable]) => variable))
    const untested = Object.keys(settingsSchema.shape).filter(
      (name) => !tested.has(name) && !['VOICES_DATA_DIR', 'VOICES_SMTP_HOST'].includes(name),
    )
    expect(untested).toEqual([])
  })

  it('production needs its secret and its address; development needs neither', () => {
    expect(checkSettings({}, { production: true }).problems).toEqual([
      expect.stringMatching(/^PAYLOAD_SECRET is not set/),
      expect.stringMatching(/^NEXT_PUBLIC_SERVER_URL is not set/),
    ])
    expect(checkSettings({}, { production: false })).toEqual({ problems: [], settings: {} })
  })

  it('tells every problem at once, so an operator fixes them in one go', () => {
    const { problems } = checkSettings(
      { ...good, PORT: '0', VOICES_RUN_JOBS: 'yes', NEXT_PUBLIC_SERVER_URL: 'https://example.org' },
      { production: true },
    )
    expect(problems).toEqual([
      expect.stringMatching(/^the port/),
      expect.stringMatching(/^VOICES_RUN_JOBS/),
      expect.stringMatching(/^NEXT_PUBLIC_SERVER_URL is an example address/),
    ])
  })

  it('takes a value of spaces as unset, and trims the rest', () => {
    expect(checkSettings({ ...good, PORT: '  ', VOICES_PROXY_HOPS: ' 2 ' }, { production: true }).settings).toEqual({
      ...good,
      VOICES_PROXY_HOPS: '2',
    })
  })
})

describe('object storage settings', () => {
  const storage = {
    S3_BUCKET: 'voices-media',
    S3_PRIVATE_BUCKET: 'voices-private',
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: 'http://minio:9000',
    S3_ACCESS_KEY_ID: 'voices-app',
    S3_SECRET_ACCESS_KEY: '5d0c1b9e7a3f4e2d8c6b0a9f1e3d5c7b',
    S3_FORCE_PATH_STYLE: 'true',
  }

  it('pass all together', () => {
    expect(checkSettings({ ...good, ...storage }, { production: true })).toEqual({
      problems: [],
      settings: { ...good, ...storage },
    })
  })

  it.each([
    ['S3_BUCKET', 'Voices_Media', /S3_BUCKET must be a bucket name/],
    ['S3_PRIVATE_BUCKET', 'vp', /S3_PRIVATE_BUCKET must be a bucket name/],
    ['S3_REGION', 'US East', /S3_REGION must be a region name such as us-east-1/],
    ['S3_ENDPOINT', 'minio:9000', /S3_ENDPOINT must be an address such as http:\/\/minio:9000/],
    ['S3_ENDPOINT', 'http://minio:9000/voices-media', /S3_ENDPOINT .*nothing after it/],
    ['S3_FORCE_PATH_STYLE', 'yes', /S3_FORCE_PATH_STYLE must be true .* or false \(got "yes"\)/],
  ])('%s=%j is refused with the rest of object storage set, naming it', (variable, value, message) => {
    const { problems } = checkSettings({ ...good, ...storage, [variable]: value }, { production: true })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  it('name every one still missing, and none of the values given', () => {
    const partial = Object.fromEntries(
      Object.entries(storage).filter(([name]) => name !== 'S3_REGION' && name !== 'S3_SECRET_ACCESS_KEY'),
    )
    const { problems } = checkSettings({ ...good, ...partial }, { production: true })
    expect(problems).toEqual([
      'Object storage needs every S3_ setting: S3_BUCKET, S3_PRIVATE_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID, ' +
        'S3_FORCE_PATH_STYLE are set, but S3_REGION, S3_SECRET_ACCESS_KEY are not. Set all of them, or none to ' +
        'keep uploads on the disk.',
    ])
    expect(problems[0]).not.toContain(storage.S3_ACCESS_KEY_ID)
  })
})
