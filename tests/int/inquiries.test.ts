import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { honeypotField, maxFormBytes, resetFormLimits } from '@/lib/donors/abuse'
import { messages } from '@/lib/i18n'
import { csvCell, toCsv } from '@/lib/csv'
import { submitInquiry } from '@/lib/inquiries/submit'
import { countLinks, type InquiryErrors, inquiryValues, validateInquiry } from '@/lib/inquiries/validate'
import { outboxDir } from '@/lib/mail/outboxTransport'

import { createProgram, createStory } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { mailTo } from '../helpers/outbox'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * The "Write to us" form from submission to the staff's inbox: the server's rules with errors
 * in the visitor's language, the abuse checks that store nothing, the published story or
 * program it came from, the e-mail to staff, and the CSV export.
 */
let payload: Payload
let clients = 0

beforeAll(async () => {
  payload = await startPayload()
  await createStaff(payload, 'editor')
  await createStaff(payload, 'admin')
})

afterAll(() => stopPayload(payload))

beforeEach(() => resetFormLimits())

const good = {
  name: 'Айгерим',
  email: 'aigerim@example.org',
  interest: 'volunteer',
  message: 'I would like to help with the Saturday group.',
  consent: 'yes',
}

function formOf(fields: Record<string, string | undefined>, { honeypot = '' as string | null } = {}): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value)
  if (honeypot !== null) form.set(honeypotField, honeypot)
  return form
}

/** Each test speaks as its own client, so one test's submissions never count against another's. */
function newClient(extra: Record<string, string> = {}): Headers {
  clients += 1
  return new Headers({ 'x-forwarded-for': `198.51.100.${clients}`, ...extra })
}

async function inquiryCount(): Promise<number> {
  return (await payload.count({ collection: 'inquiries', overrideAccess: true })).totalDocs
}

async function mailJobCount(): Promise<number> {
  return (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } } })).totalDocs
}

describe('the form’s rules', () => {
  const cases: Array<{ name: string; fields: Record<string, string | undefined>; errors: InquiryErrors }> = [
    { name: 'a complete form', fields: good, errors: {} },
    {
      name: 'an empty form',
      fields: {},
      errors: {
        name: 'nameRequired',
        email: 'emailRequired',
        interest: 'interestRequired',
        message: 'messageRequired',
        consent: 'consentRequired',
      },
    },
    { name: 'blank name', fields: { ...good, name: '   ' }, errors: { name: 'nameRequired' } },
    { name: 'a name too long', fields: { ...good, name: 'A'.repeat(121) }, errors: { name: 'nameTooLong' } },
    { name: 'a name with NUL', fields: { ...good, name: 'Айгерим\u0000' }, errors: { name: 'nameInvalid' } },
    {
      name: 'a name reversed by an RTL override',
      fields: { ...good, name: '\u202eмиреграА' },
      errors: { name: 'nameInvalid' },
    },
    {
      name: 'a message with a control character',
      fields: { ...good, message: 'I would like to help.\u0007' },
      errors: { message: 'messageInvalid' },
    },
    {
      name: 'a message in Kazakh with an emoji, line breaks and right-to-left marks',
      fields: { ...good, message: 'Сәлеметсіз бе! 👩‍👧\nКөмектескім келеді.\u200f' },
      errors: {},
    },
    { name: 'no @', fields: { ...good, email: 'aigerim.example.org' }, errors: { email: 'emailInvalid' } },
    { name: 'no domain', fields: { ...good, email: 'aigerim@' }, errors: { email: 'emailInvalid' } },
    { name: 'two addresses', fields: { ...good, email: 'a@b.org, c@d.org' }, errors: { email: 'emailInvalid' } },
    { name: 'a space', fields: { ...good, email: 'ai gerim@example.org' }, errors: { email: 'emailInvalid' } },
    { name: 'two dots', fields: { ...good, email: 'ai..gerim@example.org' }, errors: { email: 'emailInvalid' } },
    { name: 'a plus and subdomains', fields: { ...good, email: 'ai+wep@mail.example.kz' }, errors: {} },
    {
      name: 'an unknown interest',
      fields: { ...good, interest: 'sponsorship' },
      errors: { interest: 'interestRequired' },
    },
    {
      name: 'a message too long',
      fields: { ...good, message: 'я'.repeat(3001) },
      errors: { message: 'messageTooLong' },
    },
    {
      name: 'two links',
      fields: { ...good, message: 'See https://example.org and www.example.com please.' },
      errors: {},
    },
    {
      name: 'three links',
      fields: { ...good, message: 'http://a.example https://b.example www.c.example' },
      errors: { message: 'tooManyLinks' },
    },
    { name: 'no consent', fields: { ...good, consent: undefined }, errors: { consent: 'consentRequired' } },
    {
      name: 'consent with a made-up value',
      fields: { ...good, consent: 'maybe' },
      errors: { consent: 'consentRequired' },
    },
  ]
  for (const { name, fields, errors } of cases) {
    it(`${name}: ${Object.keys(errors).join(', ') || 'no errors'}`, () => {
      expect(validateInquiry(inquiryValues(formOf(fields)))).toEqual(errors)
    })
  }

  it.each([
    ['See https://example.org and www.example.com please.', 2],
    ['a.example b.example c.example', 3],
    ['https://a.example https://b.example t.me/evil', 3],
    ['hxxps://a.example', 1],
    ['https\uff1a//a.example', 1],
    ['https:/\\c.example', 1],
    ['пример.рф и сайт.қаз', 2],
    ['Пишите на aigerim@example.org, т.е. мне, г.Алматы, 3.5 часа, e.g. today.', 0],
    ['Мы живём в г. Алматы и работаем с 9.00 до 18.00.', 0],
  ])('%j counts %i links', (message, links) => {
    expect(countLinks(message)).toBe(links)
  })

  it('tidies what it keeps: one line for the name and address, the message’s line breaks kept', () => {
    const values = inquiryValues(
      formOf({ ...good, name: '  Aigerim \n Bekova ', email: ' AIGERIM@Example.ORG ', message: ' a\r\nb ' }),
    )
    expect(values).toMatchObject({ name: 'Aigerim Bekova', email: 'aigerim@example.org', message: 'a\nb' })
  })
})

describe('a submission', () => {
  it('with errors stores nothing and answers each field in the visitor’s language, keeping what she typed', async () => {
    const before = [await inquiryCount(), await mailJobCount()]
    const typed = { ...good, email: 'not-an-address', consent: undefined, message: 'Привет', locale: 'ru' }
    const state = await submitInquiry(payload, formOf(typed), newClient())
    expect(state.status).toBe('invalid')
    expect(state.errors).toEqual({
      email: messages('ru').formErrors.emailInvalid,
      consent: messages('ru').formErrors.consentRequired,
    })
    expect(state.values).toMatchObject({ name: good.name, email: 'not-an-address', message: 'Привет', consent: false })
    expect([await inquiryCount(), await mailJobCount()]).toEqual(before)
  })

  const refusals: Array<{
    name: string
    form: () => FormData
    headers?: Record<string, string>
    message: (t: ReturnType<typeof messages>['formErrors']) => string
  }> = [
    {
      name: 'a filled-in honeypot',
      form: () => formOf(good, { honeypot: 'https://spam.example' }),
      message: (t) => t.refused,
    },
    {
      name: 'no honeypot at all (not our form)',
      form: () => formOf(good, { honeypot: null }),
      message: (t) => t.refused,
    },
    {
      name: 'a body larger than the limit',
      form: () => formOf(good),
      headers: { 'content-length': String(maxFormBytes + 1) },
      message: (t) => t.tooLarge,
    },
    {
      name: 'fields larger than the limit, sent without a length',
      form: () => formOf({ ...good, message: 'x'.repeat(maxFormBytes) }),
      message: (t) => t.tooLarge,
    },
  ]
  for (const { name, form, headers, message } of refusals) {
    it(`with ${name} is refused with a clear message, and nothing is stored or mailed`, async () => {
      const before = [await inquiryCount(), await mailJobCount()]
      for (const locale of ['en', 'kk'] as const) {
        const submitted = form()
        submitted.set('locale', locale)
        const state = await submitInquiry(payload, submitted, newClient(headers))
        expect(state.status).toBe('refused')
        expect(state.message).toBe(message(messages(locale).formErrors))
      }
      expect([await inquiryCount(), await mailJobCount()]).toEqual(before)
    })
  }

  it('is limited to five per client in ten minutes: the sixth is refused, stores nothing, and says when to retry', async () => {
    const client = newClient()
    for (let i = 1; i <= 5; i++) {
      const state = await submitInquiry(payload, formOf({ ...good, message: `Quick message ${i}` }), client)
      expect(state.status, `submission ${i}`).toBe('sent')
    }
    const before = [await inquiryCount(), await mailJobCount()]
    const sixth = await submitInquiry(payload, formOf({ ...good, message: 'The sixth', locale: 'ru' }), client)
    expect(sixth.status).toBe('refused')
    expect(sixth.message).toBe(messages('ru').formErrors.tooMany(10))
    expect(sixth.values.message).toBe('The sixth')
    expect([await inquiryCount(), await mailJobCount()]).toEqual(before)
    // Another client is not held up by this one.
    expect((await submitInquiry(payload, formOf(good), newClient())).status).toBe('sent')
  })

  it('is stored with the published story it came from, and e-mailed to the editors and admins', async () => {
    const story = await createStory(payload)
    const form = formOf({ ...good, email: 'from-story@example.org', from: `story:${story.slug}`, locale: 'kk' })
    expect((await submitInquiry(payload, form, newClient())).status).toBe('sent')
    const { docs } = await payload.find({
      collection: 'inquiries',
      where: { email: { equals: 'from-story@example.org' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      name: good.name,
      interest: 'volunteer',
      message: good.message,
      consentToContact: true,
      locale: 'kk',
      status: 'new',
      story: story.id,
    })
    expect(docs[0]!.program ?? null).toBeNull()

    await payload.jobs.run({ queue: 'mail', silent: true })
    const staff = await payload.find({ collection: 'users', where: { role: { in: ['admin', 'editor'] } }, limit: 50 })
    const [mail] = mailTo(outboxDir(), staff.docs[0]!.email).filter((m) => m.text.includes('from-story@example.org'))
    expect(mail, 'the notification in the outbox').toBeDefined()
    for (const user of staff.docs) expect(mail!.to).toContain(user.email)
    expect(mail!.headers['reply-to']).toBe('from-story@example.org')
    expect(mail!.text).toContain(good.message)
    expect(mail!.text).toContain(`"${story.title}"`)
    expect(mail!.text).toContain(`/admin/collections/inquiries/${docs[0]!.id}`)
  })

  it('keeps the program it came from, and ignores an unpublished or unknown origin', async () => {
    const program = await createProgram(payload)
    const draftStory = await createStory(payload, { _status: 'draft' })
    const cases = [
      { from: `program:${program.slug}`, story: null, program: program.id },
      { from: `story:${draftStory.slug}`, story: null, program: null },
      { from: 'story:no-such-story', story: null, program: null },
      { from: `leader:${program.slug}`, story: null, program: null },
    ]
    for (const [i, { from, story, program: programId }] of cases.entries()) {
      const email = `origin-${i}@example.org`
      expect((await submitInquiry(payload, formOf({ ...good, email, from }), newClient())).status).toBe('sent')
      const { docs } = await payload.find({
        collection: 'inquiries',
        where: { email: { equals: email } },
        depth: 0,
        overrideAccess: true,
      })
      expect([docs[0]?.story ?? null, docs[0]?.program ?? null], from).toEqual([story, programId])
    }
  })
})

describe('CSV', () => {
  const cells: Array<[string, string | null, string]> = [
    ['plain text', 'Aigerim', 'Aigerim'],
    ['empty', null, ''],
    ['quotes', 'She said "hi"', '"She said ""hi"""'],
    ['commas and line breaks', 'a,b\nc', '"a,b\nc"'],
    ['a formula', '=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['a plus', '+7 701 000 0000', `'+7 701 000 0000`],
    ['a minus', '-2+3', `'-2+3`],
    ['an at sign', '@SUM(A1)', `'@SUM(A1)`],
    ['a leading tab', '\t=1+1', `'\t=1+1`],
    ['a leading carriage return', '\r=1+1', `"'\r=1+1"`],
    ['a formula sign later on', 'a=b', 'a=b'],
    ['Cyrillic', 'Привет', 'Привет'],
  ]
  for (const [name, value, expected] of cells) {
    it(`escapes ${name}`, () => expect(csvCell(value)).toBe(expected))
  }

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 'x'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,x\r\n')
  })

  it('is exported for editors and admins only, one row per inquiry, escaped', async () => {
    const evil = { ...good, name: '=cmd|"/c calc"!A1', email: 'csv@example.org' }
    expect((await submitInquiry(payload, formOf(evil), newClient())).status).toBe('sent')
    const total = await inquiryCount()
    for (const role of ['editor', 'admin'] as const) {
      const token = await tokenFor(payload, (await createStaff(payload, role)).email)
      const response = await rest('GET', '/api/inquiries/export.csv', { token })
      expect(response.status, role).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/csv')
      expect(response.headers.get('content-disposition')).toMatch(
        /attachment; filename="inquiries-\d{4}-\d{2}-\d{2}\.csv"/,
      )
      const body = await response.text()
      const rows = body.split('\r\n').filter(Boolean)
      expect(rows).toHaveLength(total + 1)
      expect(body).toContain(`"'=cmd|""/c calc""!A1",csv@example.org,`)
    }
    for (const role of ['contributor', 'safeguarding'] as const) {
      const token = await tokenFor(payload, (await createStaff(payload, role)).email)
      expect((await rest('GET', '/api/inquiries/export.csv', { token })).status, role).toBe(403)
    }
    expect((await rest('GET', '/api/inquiries/export.csv')).status, 'anonymous').toBe(403)
  })
})
