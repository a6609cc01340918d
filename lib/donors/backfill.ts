import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-sqlite'

import { defaultLocale, type Locale, locales } from '@/lib/locales'

/** Values as stored per locale. */
type ByLocale = Partial<Record<Locale, string>>

/** What site settings held before the donor journey moved it to the Get involved settings. */
export type LegacyDonorSettings = {
  donationUrl: string | null
  waysToHelp: Array<{ title: ByLocale; description: ByLocale }>
}

/** A raw SQL runner: the `db` a SQLite migration is given (Drizzle on the migration's transaction). */
export type SqlRunner = { all: (query: ReturnType<typeof sql>) => Promise<unknown[]> }

const localeCodes = locales.map((l) => l.code) as Locale[]

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null)

function byLocale(value: unknown): ByLocale {
  if (!value || typeof value !== 'object') return {}
  return Object.fromEntries(
    localeCodes.flatMap((code) => {
      const v = text((value as Record<string, unknown>)[code])
      return v ? [[code, v]] : []
    }),
  )
}

async function readSqlite(db: SqlRunner): Promise<LegacyDonorSettings> {
  const rows = async (query: ReturnType<typeof sql>) => (await db.all(query)) as Array<Record<string, unknown>>
  const tables = new Set(
    (await rows(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((row) => String(row.name)),
  )
  let donationUrl: string | null = null
  if (tables.has('site_settings')) {
    const columns = await rows(sql`SELECT name FROM pragma_table_info('site_settings')`)
    if (columns.some((column) => column.name === 'donation_url')) {
      donationUrl = text((await rows(sql`SELECT donation_url FROM site_settings LIMIT 1`))[0]?.donation_url)
    }
  }
  const waysToHelp: LegacyDonorSettings['waysToHelp'] = []
  if (tables.has('site_settings_ways_to_help') && tables.has('site_settings_ways_to_help_locales')) {
    const stored = await rows(sql`
      SELECT way.id AS id, locale._locale AS locale, locale.title AS title, locale.description AS description
      FROM site_settings_ways_to_help AS way
      LEFT JOIN site_settings_ways_to_help_locales AS locale ON locale._parent_id = way.id
      ORDER BY way._order, way.id`)
    const byId = new Map<string, LegacyDonorSettings['waysToHelp'][number]>()
    for (const row of stored) {
      const way = byId.get(String(row.id)) ?? { title: {}, description: {} }
      byId.set(String(row.id), way)
      const locale = row.locale as Locale
      if (!localeCodes.includes(locale)) continue
      const title = text(row.title)
      const description = text(row.description)
      if (title) way.title[locale] = title
      if (description) way.description[locale] = description
    }
    waysToHelp.push(...byId.values())
  }
  return { donationUrl, waysToHelp }
}

async function readMongo(req: PayloadRequest): Promise<LegacyDonorSettings> {
  const adapter = req.payload.db as unknown as MongooseAdapter
  // The stored document keeps fields the config no longer declares; read it as it is.
  const doc = (await adapter.globals.findOne({ globalType: 'site-settings' }).lean()) as Record<string, unknown> | null
  const ways = Array.isArray(doc?.waysToHelp) ? (doc.waysToHelp as Array<Record<string, unknown>>) : []
  return {
    donationUrl: text(doc?.donationUrl),
    waysToHelp: ways.map((way) => ({ title: byLocale(way.title), description: byLocale(way.description) })),
  }
}

/**
 * Reads the donation link and ways to help that site settings held before they moved to the Get
 * involved settings, straight from the database (Payload no longer knows these fields):
 * MongoDB's stored document, or SQLite's `donation_url` column and `site_settings_ways_to_help`
 * tables through the migration's `db`. In a SQLite migration, call it BEFORE the statements that
 * drop them. Anything already gone reads as empty.
 */
export async function readLegacyDonorSettings(req: PayloadRequest, db?: SqlRunner): Promise<LegacyDonorSettings> {
  if (req.payload.db.name === 'mongoose') return readMongo(req)
  if (!db) throw new Error('readLegacyDonorSettings needs the SQL runner of the migration on a relational database')
  return readSqlite(db)
}

/**
 * Copies the legacy donation link and ways to help into the Get involved settings, in every
 * language, so no operator loses what they wrote. A legacy way to help has no kind or icon: it
 * becomes "Something else" with the heart, for an editor to classify. Nothing is written when
 * there is nothing to copy or when the Get involved settings already hold a donation link or
 * ways to help (an editor's work is never overwritten, and running it twice changes nothing).
 * Returns whether it wrote. Call it once the Get involved tables exist.
 */
export async function backfillGetInvolved(req: PayloadRequest, legacy: LegacyDonorSettings): Promise<boolean> {
  const { payload } = req
  const ways = legacy.waysToHelp.filter((way) => Object.keys(way.title).length > 0)
  if (!legacy.donationUrl && ways.length === 0) return false
  const options = { req, overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
  const current = await payload.findGlobal({ slug: 'get-involved', locale: defaultLocale, ...options })
  if (current.donationUrl || current.waysToHelp?.length) return false

  // The default locale holds every row; a way written only in another language keeps that title there too.
  const firstTitle = (title: ByLocale) => title[defaultLocale] ?? Object.values(title)[0]!
  const written = await payload.updateGlobal({
    slug: 'get-involved',
    locale: defaultLocale,
    ...options,
    data: {
      donationUrl: legacy.donationUrl,
      waysToHelp: ways.map((way) => ({
        kind: 'other' as const,
        icon: 'heart' as const,
        title: firstTitle(way.title),
        text: way.description[defaultLocale] ?? null,
      })),
    },
  })
  for (const locale of localeCodes.filter((code) => code !== defaultLocale)) {
    if (!ways.some((way) => way.title[locale] || way.description[locale])) continue
    await payload.updateGlobal({
      slug: 'get-involved',
      locale,
      ...options,
      data: {
        waysToHelp: (written.waysToHelp ?? []).map((row, i) => ({
          id: row.id,
          kind: row.kind,
          icon: row.icon,
          link: row.link,
          title: ways[i]!.title[locale] ?? row.title,
          text: ways[i]!.description[locale] ?? null,
        })),
      },
    })
  }
  return true
}

const handedOnKey = 'voices:legacyDonorSettings'

/**
 * A SQLite migration must read the legacy settings before it drops their columns, but Payload can
 * only write the Get involved settings once every later migration has brought the schema up to
 * date. The migration that drops them hands them on through Payload's key-value store (a table,
 * so they survive a restart between migrations); the newest migration copies them.
 */
export async function handOnLegacyDonorSettings(req: PayloadRequest, legacy: LegacyDonorSettings): Promise<void> {
  if (legacy.donationUrl || legacy.waysToHelp.length > 0) await req.payload.kv.set(handedOnKey, legacy)
}

/** Copies settings handed on by `handOnLegacyDonorSettings`, if any, then forgets them. */
export async function backfillHandedOnDonorSettings(req: PayloadRequest): Promise<boolean> {
  const legacy = await req.payload.kv.get<LegacyDonorSettings>(handedOnKey)
  if (!legacy) return false
  const wrote = await backfillGetInvolved(req, legacy)
  await req.payload.kv.delete(handedOnKey)
  return wrote
}
