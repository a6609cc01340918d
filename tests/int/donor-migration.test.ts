import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'
import { mongoMigrations } from '@/migrations/mongodb'

import { startPayload, stopPayload } from '../helpers/payload'

/**
 * An operator's database from before the donor journey: site settings hold the donation link
 * and the ways to help. Upgrading runs the migrations as `next start` does, and nothing is lost.
 * Payload starts without pushing its schema, so the database is built by the committed
 * migrations alone (SQLite), or holds the old document as it was (MongoDB).
 */
const mongo = process.env.VOICES_TEST_DB === 'mongodb'
let payload: Payload

beforeAll(async () => {
  process.env.PAYLOAD_MIGRATING = 'true'
  payload = await startPayload()
})

afterAll(async () => {
  delete process.env.PAYLOAD_MIGRATING
  await stopPayload(payload)
})

type Runner = { run: (query: ReturnType<typeof sql>) => Promise<unknown> }
/** The adapter's migrate, as `next start` calls it with `prodMigrations`. */
type Migrate = (args: { migrations: ReadonlyArray<{ name: string }> }) => Promise<void>
const migrate: Migrate = (args) => (payload.db.migrate as unknown as Migrate)(args)

const settingsId = '00000000-0000-4000-8000-000000000001'
const legacyWays = [
  {
    id: 'way-one',
    title: { en: 'Sponsor a group', ru: 'Поддержите группу', kk: 'Топқа демеуші болыңыз' },
    description: { en: 'About 60 US dollars a month.', ru: 'Около 60 долларов в месяц.' },
  },
  { id: 'way-two', title: { en: 'Give your time', ru: 'Подарите своё время' }, description: {} },
]

/** Site settings as the release before the donor journey stored them. */
async function writeOldSettings(): Promise<void> {
  if (mongo) {
    const globals = (
      payload.db as unknown as { globals: { collection: { insertOne: (doc: object) => Promise<unknown> } } }
    ).globals
    await globals.collection.insertOne({
      globalType: 'site-settings',
      organisationName: { en: 'Old org' },
      donationUrl: 'https://example.org/old-donate',
      waysToHelp: legacyWays,
    })
    return
  }
  const db = (payload.db as unknown as { drizzle: Runner }).drizzle
  await db.run(
    sql`INSERT INTO site_settings (id, donation_url) VALUES (${settingsId}, 'https://example.org/old-donate')`,
  )
  await db.run(
    sql`INSERT INTO site_settings_locales (organisation_name, _locale, _parent_id) VALUES ('Old org', 'en', ${settingsId})`,
  )
  for (const [i, way] of legacyWays.entries()) {
    await db.run(
      sql`INSERT INTO site_settings_ways_to_help (_order, _parent_id, id) VALUES (${i + 1}, ${settingsId}, ${way.id})`,
    )
    for (const [locale, title] of Object.entries(way.title)) {
      const description = (way.description as Record<string, string>)[locale] ?? null
      await db.run(
        sql`INSERT INTO site_settings_ways_to_help_locales (title, description, _locale, _parent_id) VALUES (${title}, ${description}, ${locale}, ${way.id})`,
      )
    }
  }
}

describe('upgrading a database from before the donor journey', () => {
  it('keeps the donation link and every way to help, in every language, in the Get involved settings', async () => {
    if (!mongo) {
      // Every migration before the donor journey's, as the previous release ran them.
      const donors = migrations.findIndex((migration) => migration.name.endsWith('_donors'))
      await migrate({ migrations: migrations.slice(0, donors) })
    }
    await writeOldSettings()

    await migrate({ migrations: mongo ? mongoMigrations : migrations })

    const read = (locale: 'en' | 'ru' | 'kk') =>
      payload.findGlobal({ slug: 'get-involved', locale, fallbackLocale: false, depth: 0 })
    const en = await read('en')
    expect(en.donationUrl).toBe('https://example.org/old-donate')
    expect(en.waysToHelp?.map(({ kind, icon, title, text }) => ({ kind, icon, title, text }))).toEqual([
      { kind: 'other', icon: 'heart', title: 'Sponsor a group', text: 'About 60 US dollars a month.' },
      { kind: 'other', icon: 'heart', title: 'Give your time', text: null },
    ])
    expect((await read('ru')).waysToHelp?.map(({ title, text }) => [title, text])).toEqual([
      ['Поддержите группу', 'Около 60 долларов в месяц.'],
      ['Подарите своё время', null],
    ])
    expect((await read('kk')).waysToHelp?.map(({ title }) => title)).toEqual([
      'Топқа демеуші болыңыз',
      'Give your time',
    ])
    // The rest of site settings is untouched, and the new contact address is empty until set.
    const settings = await payload.findGlobal({ slug: 'site-settings', locale: 'en', depth: 0 })
    expect(settings.organisationName).toBe('Old org')
    expect(settings.contactEmail ?? null).toBeNull()
  })
})
