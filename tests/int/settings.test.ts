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
  ['VOICES_INTERNAL_URL', 'app:3000', /VOICES_INTERNAL_URL must be an address such as http:\/\/app:3000/],
  ['VOICES_PREVIEW_SECRET', 'short', /VOICES_PREVIEW_SECRET must be at least 32 characters/],
  ['VOICES_SMTP_URL', 'mail.kz-women.org', /VOICES_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/],
  ['VOICES_SMTP_PORT', '99999', /VOICES_SMTP_PORT must be a port number \(got "99999"\)/],
  ['VOICES_MAIL_FROM_ADDRESS', 'voices', /VOICES_MAIL_FROM_ADDRESS must be an e-mail address/],
  ['VOICES_SQLITE_TRANSACTIONS', 'maybe', /VOICES_SQLITE_TRANSACTIONS is either unset or off/],
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
