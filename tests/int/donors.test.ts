import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backfillGetInvolved, readLegacyDonorSettings, type SqlRunner } from '@/lib/donors/backfill'
import { ctaHref } from '@/lib/donors/ctaHref'
import { parseFrom } from '@/lib/donors/from'
import { type Currency, giveFormState, parseAmount, readGift, refusedGiftQuery } from '@/lib/donors/gift'
import { originOf } from '@/lib/donors/origin'
import { fillTemplate, type HandOffValues, validateTemplate } from '@/lib/donors/urlTemplate'
import type { User } from '@/payload-types'

import { createProgram, createStory } from '../helpers/content'
import { validationErrors } from '../helpers/errors'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const gift: HandOffValues = {
  amount: '5000',
  currency: 'KZT',
  frequency: 'monthly',
  campaign: 'winter-appeal',
  story: 'the-first-circle',
}

describe('the donation processor’s address template', () => {
  const full = 'https://pay.example.org/give?sum={amount}&cur={currency}&every={frequency}&c={campaign}&ref={story}'
  // Each template with each filling gives exactly this address, or an error matching the pattern.
  const table: Array<{ template: string; values?: Partial<HandOffValues>; url?: string; error?: RegExp }> = [
    {
      template: full,
      url: 'https://pay.example.org/give?sum=5000&cur=KZT&every=monthly&c=winter-appeal&ref=the-first-circle',
    },
    {
      template: full,
      values: { amount: '10.50', currency: 'USD', frequency: 'one-off', campaign: '', story: '' },
      url: 'https://pay.example.org/give?sum=10.50&cur=USD&every=one-off&c=&ref=',
    },
    // Every value is URL-encoded: nothing a value holds can add a parameter or change the path.
    {
      template: full,
      values: { campaign: 'a&b=c d', story: '../x?y#z' },
      url: 'https://pay.example.org/give?sum=5000&cur=KZT&every=monthly&c=a%26b%3Dc%20d&ref=..%2Fx%3Fy%23z',
    },
    {
      template: 'https://pay.example.org/{campaign}/{story}?a={amount}',
      url: 'https://pay.example.org/winter-appeal/the-first-circle?a=5000',
    },
    { template: 'https://pay.example.org/give', url: 'https://pay.example.org/give' },
    {
      template: 'http://localhost:4000/pay?a={amount}&f={frequency}',
      url: 'http://localhost:4000/pay?a=5000&f=monthly',
    },
    { template: 'http://127.0.0.1:4000/pay?a={amount}', url: 'http://127.0.0.1:4000/pay?a=5000' },
    { template: 'http://pay.example.org/give?a={amount}', error: /secure page: use https/ },
    { template: 'ftp://pay.example.org/give?a={amount}', error: /https:\/\// },
    { template: 'javascript:alert({amount})', error: /https:\/\// },
    { template: 'pay.example.org/give?a={amount}', error: /not a valid web address/ },
    { template: '/give?a={amount}', error: /not a valid web address/ },
    { template: 'https://pay.example.org/give?a={sum}', error: /Unknown placeholder \{sum\}/ },
    { template: 'https://pay.example.org/give?a={amount', error: /missing its \{ or \}/ },
    { template: 'https://pay.example.org/give?a= {amount}', error: /spaces/ },
    { template: 'https://{campaign}.example.org/give', error: /never in the processor’s address/ },
    { template: 'https://pay.example.org{story}/give', error: /never in the processor’s address/ },
    { template: 'https://user:secret@pay.example.org/give', error: /user name or password/ },
    { template: '', error: /No donation processor/ },
  ]

  for (const { template, values, url, error } of table) {
    it(`${template || '(empty)'} with ${JSON.stringify(values ?? {})} → ${url ?? String(error)}`, () => {
      const result = fillTemplate(template, { ...gift, ...values })
      if (url) expect(result).toEqual({ url })
      else expect('error' in result && result.error).toMatch(error!)
    })
  }

  it('is checked on save, with the same clear message, and nothing changes when refused', async () => {
    const good = 'https://pay.example.org/give?a={amount}'
    await payload.updateGlobal({ slug: 'get-involved', data: { donationUrlTemplate: good } })
    for (const { template, error } of table.filter((row) => row.error && row.template)) {
      expect(validateTemplate(template), template).toMatch(error!)
      const errors = await validationErrors(
        payload.updateGlobal({ slug: 'get-involved', data: { donationUrlTemplate: template } }),
      )
      expect(errors, template).toEqual([
        expect.objectContaining({ path: 'donationUrlTemplate', message: expect.stringMatching(error!) }),
      ])
    }
    expect((await payload.findGlobal({ slug: 'get-involved' })).donationUrlTemplate).toBe(good)
    expect(validateTemplate('')).toBe(true)
  })
})

describe('parseFrom', () => {
  const table: Array<[string, Parameters<typeof parseFrom>[0], ReturnType<typeof parseFrom>]> = [
    ['a story', { from: 'story:the-first-circle' }, { kind: 'story', slug: 'the-first-circle' }],
    [
      'a program',
      { from: 'program:womens-empowerment-almaty' },
      { kind: 'program', slug: 'womens-empowerment-almaty' },
    ],
    [
      'from a URL',
      new URLSearchParams('from=story%3Adanas-kitchen-table'),
      { kind: 'story', slug: 'danas-kitchen-table' },
    ],
    ['the first of repeated values', { from: ['story:a', 'story:b'] }, { kind: 'story', slug: 'a' }],
    ['no parameter', {}, null],
    ['nothing at all', undefined, null],
    ['an empty value', { from: '' }, null],
    ['an unknown kind', { from: 'leader:marzhan' }, null],
    ['no kind', { from: 'the-first-circle' }, null],
    ['no slug', { from: 'story:' }, null],
    ['upper case', { from: 'story:The-First-Circle' }, null],
    ['markup', { from: 'story:<script>alert(1)</script>' }, null],
    ['a path', { from: 'story:../admin' }, null],
    ['spaces inside', { from: 'story:the first circle' }, null],
    ['a slug far too long', { from: `story:${'a'.repeat(200)}` }, null],
  ]
  for (const [name, params, expected] of table) {
    it(`reads ${name}`, () => expect(parseFrom(params)).toEqual(expected))
  }

  it('and every call to action writes it the way parseFrom reads it', () => {
    const href = ctaHref('ru', 'give', { kind: 'story', slug: 'the-first-circle' })
    expect(href).toBe('/ru/get-involved?from=story:the-first-circle#give')
    expect(parseFrom(new URL(href, 'https://voices.test').searchParams)).toEqual({
      kind: 'story',
      slug: 'the-first-circle',
    })
    expect(ctaHref('en', 'contact')).toBe('/en/get-involved#contact')
  })
})

describe('where a donor came from', () => {
  it('is named only for a published story or program; anything else is ignored', async () => {
    const program = await createProgram(payload)
    const draftProgram = await createProgram(payload, 'draft')
    const published = await createStory(payload, { title: 'Published origin', program: program.id })
    const draft = await createStory(payload, { title: 'Draft origin', _status: 'draft' })
    const withdrawn = await createStory(payload, { title: 'Withdrawn origin' })
    await payload.update({ collection: 'stories', id: withdrawn.id, data: { _status: 'draft' } })

    const table: Array<[string, string, unknown]> = [
      [
        'a published story, with its program',
        `story:${published.slug}`,
        { kind: 'story', slug: published.slug, title: 'Published origin', programSlug: program.slug },
      ],
      [
        'a published program',
        `program:${program.slug}`,
        { kind: 'program', slug: program.slug, title: program.name, programSlug: program.slug },
      ],
      ['an unpublished story', `story:${draft.slug}`, null],
      ['a story taken down', `story:${withdrawn.slug}`, null],
      ['an unpublished program', `program:${draftProgram.slug}`, null],
      ['an unknown slug', 'story:no-such-story', null],
      ['a story slug given as a program', `program:${published.slug}`, null],
      ['a malformed value', `story:${published.slug}!`, null],
    ]
    for (const [name, from, expected] of table) {
      expect(await originOf({ from }, 'en'), name).toEqual(expected)
    }
  })
})

describe('a gift from the donation panel', () => {
  const offered: Currency[] = ['KZT', 'USD']
  const params = (query: Record<string, string>) => new URLSearchParams(query)
  const table: Array<[string, Record<string, string>, ReturnType<typeof readGift>['ok'], unknown]> = [
    ['a suggested amount', { choice: 'KZT-5000', frequency: 'monthly' }, true, { amount: 5000, currency: 'KZT' }],
    ['a suggested amount in cents', { choice: 'USD-10.50', frequency: 'one-off' }, true, { amount: 10.5 }],
    [
      'a typed amount, which wins over the suggestion',
      { choice: 'KZT-5000', amount: '12 500', currency: 'KZT', frequency: 'one-off' },
      true,
      { amount: 12500, currency: 'KZT' },
    ],
    ['a decimal comma', { amount: '7,5', currency: 'USD', frequency: 'one-off' }, true, { amount: 7.5 }],
    ['zero', { amount: '0', currency: 'USD', frequency: 'one-off' }, false, 'amount'],
    ['a negative amount', { amount: '-5', currency: 'USD', frequency: 'one-off' }, false, 'amount'],
    ['words', { amount: 'ten', currency: 'USD', frequency: 'one-off' }, false, 'amount'],
    ['three decimals', { amount: '1.005', currency: 'USD', frequency: 'one-off' }, false, 'amount'],
    ['no amount at all', { currency: 'USD', frequency: 'one-off' }, false, 'amount'],
    ['too much at once', { amount: '10001', currency: 'USD', frequency: 'one-off' }, false, 'amountTooLarge'],
    ['a currency not offered', { amount: '10', currency: 'EUR', frequency: 'one-off' }, false, 'currency'],
    ['no such currency', { amount: '10', currency: 'XXX', frequency: 'one-off' }, false, 'currency'],
    ['a suggestion in a currency not offered', { choice: 'EUR-10', frequency: 'one-off' }, false, 'currency'],
    ['an unknown frequency', { choice: 'USD-10', frequency: 'weekly' }, false, 'frequency'],
    ['no frequency', { choice: 'USD-10' }, false, 'frequency'],
  ]
  for (const [name, query, ok, expected] of table) {
    it(`${ok ? 'takes' : 'refuses'} ${name}`, () => {
      const result = readGift(params(query), offered)
      expect(result.ok).toBe(ok)
      if (result.ok) expect(result.gift).toMatchObject(expected as object)
      else expect(result.error).toBe(expected)
    })
  }

  it('goes back to the form with the reason and only harmless values kept', () => {
    const query = refusedGiftQuery(
      'amount',
      params({ amount: '<b>5</b>', currency: 'KZT', frequency: 'monthly', choice: 'x"y', from: 'story:evil' }),
      offered,
      'story:the-first-circle',
    )
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      from: 'story:the-first-circle',
      giveError: 'amount',
      currency: 'KZT',
      frequency: 'monthly',
    })
    expect(
      giveFormState({ giveError: 'amount', amount: '12 500', currency: 'KZT', choice: 'USD-10' }, offered),
    ).toEqual({
      error: 'amount',
      amount: '12 500',
      currency: 'KZT',
      choice: 'USD-10',
      frequency: undefined,
    })
    expect(giveFormState({ giveError: '<script>', amount: 'x<', currency: 'EUR' }, offered)).toEqual({
      error: null,
      amount: undefined,
      currency: undefined,
      choice: undefined,
      frequency: undefined,
    })
    expect(parseAmount('25\u00a0000')).toBe(25000)
  })
})

describe('the Get involved settings', () => {
  let staff: Record<'contributor' | 'editor' | 'safeguarding' | 'admin', User>

  beforeAll(async () => {
    staff = {
      contributor: await createStaff(payload, 'contributor'),
      editor: await createStaff(payload, 'editor'),
      safeguarding: await createStaff(payload, 'safeguarding'),
      admin: await createStaff(payload, 'admin'),
    }
  })

  const table = [
    { who: 'an anonymous visitor', role: null, update: false },
    { who: 'a contributor', role: 'contributor', update: false },
    { who: 'safeguarding staff', role: 'safeguarding', update: false },
    { who: 'an editor', role: 'editor', update: true },
    { who: 'an admin', role: 'admin', update: true },
  ] as const

  for (const { who, role, update } of table) {
    it(`are read by ${who}, who ${update ? 'may' : 'may not'} change them (local API and REST)`, async () => {
      const user = role ? { ...staff[role], collection: 'users' as const } : null
      const before = (await payload.findGlobal({ slug: 'get-involved', locale: 'en' })).campaign ?? null
      const local = payload.updateGlobal({
        slug: 'get-involved',
        data: { campaign: `local-${role ?? 'anonymous'}` },
        user,
        overrideAccess: false,
      })
      if (update) await local
      else await expect(local).rejects.toMatchObject({ status: 403 })

      const token = role ? await tokenFor(payload, staff[role].email) : null
      const response = await rest('POST', '/api/globals/get-involved?locale=en', {
        token,
        body: { campaign: `rest-${role ?? 'anonymous'}` },
      })
      expect(response.status).toBe(update ? 200 : 403)
      const read = await rest('GET', '/api/globals/get-involved?locale=en&depth=0', { token })
      expect(read.status).toBe(200)
      expect((await read.json()).campaign ?? null).toBe(update ? `rest-${role}` : before)
    })
  }
})

describe('moving the donation link and ways to help out of site settings', () => {
  const legacyWays = [
    {
      title: { en: 'Sponsor a group', ru: 'Поддержите группу', kk: 'Топқа демеуші болыңыз' },
      description: { en: 'About 60 US dollars a month.', ru: 'Около 60 долларов в месяц.' },
    },
    { title: { en: 'Give your time' }, description: {} },
  ]

  /** Writes site settings the way a database from before the move holds them. */
  async function writeLegacy(): Promise<SqlRunner | undefined> {
    await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Legacy org' } })
    if (payload.db.name === 'mongoose') {
      const globals = (
        payload.db as unknown as {
          globals: { collection: { updateOne: (filter: object, update: object) => Promise<unknown> } }
        }
      ).globals
      await globals.collection.updateOne(
        { globalType: 'site-settings' },
        {
          $set: {
            donationUrl: 'https://example.org/legacy-donate',
            waysToHelp: legacyWays.map((way, i) => ({ id: `legacy-${i}`, ...way })),
          },
        },
      )
      return undefined
    }
    const db = (payload.db as unknown as { drizzle: SqlRunner & { run: (query: unknown) => Promise<unknown> } }).drizzle
    // The column and tables as the first migration created them.
    await db.run(sql`ALTER TABLE site_settings ADD donation_url text`)
    await db.run(sql`CREATE TABLE site_settings_ways_to_help (
      _order integer NOT NULL, _parent_id text(36) NOT NULL, id text PRIMARY KEY NOT NULL,
      FOREIGN KEY (_parent_id) REFERENCES site_settings(id) ON UPDATE no action ON DELETE cascade)`)
    await db.run(sql`CREATE TABLE site_settings_ways_to_help_locales (
      title text NOT NULL, description text, id integer PRIMARY KEY NOT NULL, _locale text NOT NULL,
      _parent_id text NOT NULL,
      FOREIGN KEY (_parent_id) REFERENCES site_settings_ways_to_help(id) ON UPDATE no action ON DELETE cascade)`)
    const [settings] = (await db.all(sql`SELECT id FROM site_settings LIMIT 1`)) as Array<{ id: string }>
    await db.run(sql`UPDATE site_settings SET donation_url = 'https://example.org/legacy-donate'`)
    // Stored out of order on purpose: the order column decides.
    for (const [i, way] of [...legacyWays.entries()].reverse()) {
      await db.run(
        sql`INSERT INTO site_settings_ways_to_help (_order, _parent_id, id) VALUES (${i + 1}, ${settings!.id}, ${`legacy-${i}`})`,
      )
      for (const [locale, title] of Object.entries(way.title)) {
        const description = (way.description as Record<string, string>)[locale] ?? null
        await db.run(
          sql`INSERT INTO site_settings_ways_to_help_locales (title, description, _locale, _parent_id) VALUES (${title}, ${description}, ${locale}, ${`legacy-${i}`})`,
        )
      }
    }
    return db
  }

  it('copies them into the Get involved settings in every language, once, never over an editor’s work', async () => {
    await payload.updateGlobal({ slug: 'get-involved', data: { donationUrl: null, waysToHelp: [] } })
    const db = await writeLegacy()
    const req = await (await import('payload')).createLocalReq({}, payload)
    const legacy = await readLegacyDonorSettings(req, db)
    expect(legacy).toEqual({ donationUrl: 'https://example.org/legacy-donate', waysToHelp: legacyWays })

    expect(await backfillGetInvolved(req, legacy)).toBe(true)
    const read = (locale: 'en' | 'ru' | 'kk') =>
      payload.findGlobal({ slug: 'get-involved', locale, fallbackLocale: false, depth: 0 })
    const en = await read('en')
    expect(en.donationUrl).toBe('https://example.org/legacy-donate')
    expect(en.waysToHelp?.map(({ kind, icon, title, text }) => ({ kind, icon, title, text }))).toEqual([
      { kind: 'other', icon: 'heart', title: 'Sponsor a group', text: 'About 60 US dollars a month.' },
      { kind: 'other', icon: 'heart', title: 'Give your time', text: null },
    ])
    expect((await read('ru')).waysToHelp?.map(({ title, text }) => [title, text])).toEqual([
      ['Поддержите группу', 'Около 60 долларов в месяц.'],
      ['Give your time', null],
    ])
    expect((await read('kk')).waysToHelp?.map(({ title }) => title)).toEqual([
      'Топқа демеуші болыңыз',
      'Give your time',
    ])

    // Again, or after an editor's change: nothing is overwritten or duplicated.
    expect(await backfillGetInvolved(req, legacy)).toBe(false)
    await payload.updateGlobal({
      slug: 'get-involved',
      locale: 'en',
      data: { waysToHelp: [{ kind: 'volunteer', icon: 'hands', title: 'Edited by an editor' }] },
    })
    expect(await backfillGetInvolved(req, legacy)).toBe(false)
    expect((await read('en')).waysToHelp?.map(({ title }) => title)).toEqual(['Edited by an editor'])
  })

  it('writes nothing when there was nothing to move', async () => {
    const req = await (await import('payload')).createLocalReq({}, payload)
    expect(await backfillGetInvolved(req, { donationUrl: null, waysToHelp: [] })).toBe(false)
  })
})
