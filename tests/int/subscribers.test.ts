import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { honeypotField, resetFormLimits } from '@/lib/donors/abuse'
import { messages } from '@/lib/i18n'
import { outboxDir } from '@/lib/mail/outboxTransport'
import { siteOrigin } from '@/lib/site/origin'
import { confirmationState, confirmSubscription, unsubscribe, unsubscribeState } from '@/lib/updates/links'
import { signUp } from '@/lib/updates/signup'
import { confirmToken, readConfirmToken, readUnsubscribeToken, unsubscribeToken } from '@/lib/updates/tokens'

import { createStory } from '../helpers/content'
import { linkIn, mailTo, type OutboxMail } from '../helpers/outbox'
import { startPayload, stopPayload } from '../helpers/payload'

/**
 * "Stay updated" end to end on the server: double opt-in through the link in the mail, every
 * state an address can be in (pending, confirmed, expired link, signed up again, unsubscribed),
 * the one-click unsubscribe of RFC 8058, and the same abuse checks as the inquiry form.
 */
let payload: Payload
let clients = 0
let addresses = 0

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

beforeEach(() => resetFormLimits())

const minute = 60 * 1000
const day = 24 * 60 * minute

function newClient(): Headers {
  clients += 1
  return new Headers({ 'x-forwarded-for': `203.0.113.${clients}` })
}

function newAddress(): string {
  addresses += 1
  return `reader-${addresses}@example.org`
}

function signupForm(email: string, { language = 'ru', locale = 'en', from = '' } = {}): FormData {
  const form = new FormData()
  form.set('email', email)
  form.set('language', language)
  form.set('locale', locale)
  form.set(honeypotField, '')
  if (from) form.set('from', from)
  return form
}

async function subscriberFor(email: string) {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: email } },
    overrideAccess: true,
    depth: 0,
  })
  expect(docs.length, `subscribers for ${email}`).toBeLessThanOrEqual(1)
  return docs[0] ?? null
}

async function sendQueuedMail(): Promise<void> {
  await payload.jobs.run({ queue: 'mail', silent: true })
}

/** The confirmation link from the newest mail to this address, and the mail itself. */
async function confirmationMail(email: string): Promise<{ mail: OutboxMail; token: string; count: number }> {
  await sendQueuedMail()
  const mails = mailTo(outboxDir(), email)
  const mail = mails.at(-1)
  expect(mail, `a mail to ${email}`).toBeDefined()
  const link = linkIn(mail!, `${siteOrigin()}/`)
  expect(link).toMatch(/\/updates\/confirm\?token=/)
  return { mail: mail!, token: decodeURIComponent(new URL(link!).searchParams.get('token')!), count: mails.length }
}

async function signUpAt(email: string, at: Date = new Date(), options = {}) {
  const state = await signUp(payload, signupForm(email, options), newClient(), at)
  expect(state.status, JSON.stringify(state)).toBe('sent')
  return state
}

/** POST to the one-click address, as a mail program does (RFC 8058). */
async function oneClick(url: string, body: BodyInit | null, contentType?: string): Promise<Response> {
  const config = (await import('@payload-config')).default
  const headers = new Headers(contentType ? { 'content-type': contentType } : {})
  return handleEndpoints({ config: await config, request: new Request(url, { method: 'POST', body, headers }) })
}

describe('signing up', () => {
  it('stores a pending subscriber and mails a confirmation link with one-click unsubscribe headers', async () => {
    const story = await createStory(payload)
    const email = newAddress()
    await signUpAt(email, new Date(), { language: 'kk', from: `story:${story.slug}` })
    const subscriber = await subscriberFor(email)
    expect(subscriber).toMatchObject({ status: 'pending', locale: 'kk', story: story.id })

    const { mail, token } = await confirmationMail(email)
    expect(mail.subject).toBe(messages('kk').updates.mailSubject('Voices'))
    expect(mail.text).toContain(`${siteOrigin()}/kk/updates/confirm?token=`)
    const unsubscribeUrl = `${siteOrigin()}/api/subscribers/unsubscribe?token=${encodeURIComponent(unsubscribeToken(subscriber!.id))}`
    expect(mail.headers['list-unsubscribe']).toBe(`<${unsubscribeUrl}>`)
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
    expect(mail.text).toContain(`${siteOrigin()}/kk/updates/unsubscribe?token=`)
    expect(readConfirmToken(token)?.id).toBe(subscriber!.id)
  })

  it('refuses a bad address, a filled honeypot and the sixth quick signup, storing nothing', async () => {
    const before = (await payload.count({ collection: 'subscribers', overrideAccess: true })).totalDocs
    const invalid = await signUp(payload, signupForm('nobody@', { locale: 'ru' }), newClient())
    expect(invalid).toMatchObject({ status: 'invalid', errors: { email: messages('ru').formErrors.emailInvalid } })
    const noLanguage = await signUp(payload, signupForm(newAddress(), { language: 'de' }), newClient())
    expect(noLanguage.errors.language).toBe(messages('en').formErrors.localeInvalid)
    const trap = signupForm(newAddress())
    trap.set(honeypotField, 'filled by a script')
    expect(await signUp(payload, trap, newClient())).toMatchObject({
      status: 'refused',
      message: messages('en').formErrors.refused,
    })
    expect((await payload.count({ collection: 'subscribers', overrideAccess: true })).totalDocs).toBe(before)

    const client = newClient()
    for (let i = 0; i < 5; i++) {
      expect((await signUp(payload, signupForm(newAddress()), client)).status).toBe('sent')
    }
    const sixth = newAddress()
    const refused = await signUp(payload, signupForm(sixth, { locale: 'ru' }), client)
    expect(refused).toMatchObject({ status: 'refused', message: messages('ru').formErrors.tooMany(10) })
    expect(await subscriberFor(sixth)).toBeNull()
  })
})

describe('an address that is', () => {
  type Journey = {
    name: string
    /** What happens after the first signup and its mail; returns the link to check. */
    then: (email: string, first: string) => Promise<string>
    /** When the link is opened. */
    openedAt?: () => Date
    link: 'ready' | 'confirmed' | 'expired' | 'invalid'
    status: 'pending' | 'confirmed' | 'unsubscribed'
    mails: number
  }
  const journeys: Journey[] = [
    { name: 'pending', then: async (_, first) => first, link: 'ready', status: 'pending', mails: 1 },
    {
      name: 'confirmed',
      then: async (_, first) => {
        expect(await confirmSubscription(payload, first)).toBe('confirmed')
        return first
      },
      link: 'confirmed',
      status: 'confirmed',
      mails: 1,
    },
    {
      name: 'pending past its link’s 7 days (expired)',
      then: async (_, first) => first,
      openedAt: () => new Date(Date.now() + 7 * day + minute),
      link: 'expired',
      status: 'pending',
      mails: 1,
    },
    {
      name: 'signed up again at once (one subscriber, no second mail)',
      then: async (email, first) => {
        await signUpAt(email)
        return first
      },
      link: 'ready',
      status: 'pending',
      mails: 1,
    },
    {
      name: 'signed up again later (a fresh link; the first still works)',
      then: async (email, first) => {
        await signUpAt(email, new Date(Date.now() + 6 * minute))
        const { token } = await confirmationMail(email)
        expect(token).not.toBe(first)
        expect(await confirmationState(payload, token)).toBe('ready')
        return first
      },
      link: 'ready',
      status: 'pending',
      mails: 2,
    },
    {
      name: 'confirmed and signed up again (never unconfirmed)',
      then: async (email, first) => {
        await confirmSubscription(payload, first)
        const confirmedAt = (await subscriberFor(email))!.confirmedAt
        await signUpAt(email, new Date(Date.now() + day), { language: 'en' })
        expect((await subscriberFor(email))!.confirmedAt).toBe(confirmedAt)
        return first
      },
      link: 'confirmed',
      status: 'confirmed',
      mails: 1,
    },
    {
      name: 'unsubscribed (its confirmation link no longer works)',
      then: async (_, first) => {
        await confirmSubscription(payload, first)
        const subscriber = readConfirmToken(first)!.id
        expect(await unsubscribe(payload, unsubscribeToken(subscriber))).toBe('unsubscribed')
        expect(await unsubscribe(payload, unsubscribeToken(subscriber))).toBe('unsubscribed')
        return first
      },
      link: 'invalid',
      status: 'unsubscribed',
      mails: 1,
    },
    {
      name: 'unsubscribed and signed up again (pending; only the new link confirms)',
      then: async (email, first) => {
        await unsubscribe(payload, unsubscribeToken(readConfirmToken(first)!.id))
        await signUpAt(email, new Date(Date.now() + minute))
        const { token } = await confirmationMail(email)
        expect(await confirmationState(payload, first)).toBe('invalid')
        expect(await confirmationState(payload, token)).toBe('ready')
        return first
      },
      link: 'invalid',
      status: 'pending',
      mails: 2,
    },
  ]

  for (const journey of journeys) {
    it(`${journey.name}: its link is ${journey.link}, the address ${journey.status}`, async () => {
      const email = newAddress()
      await signUpAt(email)
      const { token: first } = await confirmationMail(email)
      const link = await journey.then(email, first)
      const at = journey.openedAt?.() ?? new Date()
      expect(await confirmationState(payload, link, at)).toBe(journey.link)
      // Pressing the button changes only what a ready link may change.
      const pressed = await confirmSubscription(payload, link, at)
      expect(pressed).toBe(journey.link === 'ready' ? 'confirmed' : journey.link)
      const subscriber = await subscriberFor(email)
      expect(subscriber?.status).toBe(journey.link === 'ready' ? 'confirmed' : journey.status)
      expect(mailTo(outboxDir(), email)).toHaveLength(journey.mails)
    })
  }
})

describe('links', () => {
  it('are refused when altered or made up', async () => {
    const email = newAddress()
    await signUpAt(email)
    const { token } = await confirmationMail(email)
    const [id, issued, mac] = token.split('.') as [string, string, string]
    const other = unsubscribeToken(id)
    const forged = [
      '',
      'nonsense',
      `${id}.${issued}`,
      `${id}.${(Number.parseInt(issued, 36) + day).toString(36)}.${mac}`,
      `${id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}.${issued}.${mac}`,
      `${id}.${issued}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${token}.extra`,
      other,
    ]
    for (const bad of forged) {
      expect(readConfirmToken(bad), bad).toBeNull()
      expect(await confirmationState(payload, bad), bad).toBe('invalid')
    }
    expect(readUnsubscribeToken(token)).toBeNull()
    expect(readUnsubscribeToken(`${other}x`)).toBeNull()
    expect(await unsubscribeState(payload, `${other}x`)).toBe('invalid')
    // A link Voices signed for an ID that is not a subscriber.
    expect(await confirmationState(payload, confirmToken('00000000-0000-4000-8000-000000000000'))).toBe('invalid')
  })
})

describe('one-click unsubscribe (RFC 8058)', () => {
  it('unsubscribes on a POST of List-Unsubscribe=One-Click, with no login, as form or multipart', async () => {
    for (const encoding of ['urlencoded', 'multipart'] as const) {
      const email = newAddress()
      await signUpAt(email)
      const { mail, token } = await confirmationMail(email)
      await confirmSubscription(payload, token)
      const url = mail.headers['list-unsubscribe']!.replace(/^<|>$/g, '')

      const wrongBody = await oneClick(url, 'List-Unsubscribe=Maybe', 'application/x-www-form-urlencoded')
      expect(wrongBody.status).toBe(400)
      expect((await subscriberFor(email))?.status).toBe('confirmed')

      const body = new FormData()
      body.set('List-Unsubscribe', 'One-Click')
      const response =
        encoding === 'urlencoded'
          ? await oneClick(url, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')
          : await oneClick(url, body)
      expect(response.status, encoding).toBe(200)
      const subscriber = await subscriberFor(email)
      expect(subscriber?.status).toBe('unsubscribed')
      expect(subscriber?.unsubscribedAt).toBeTruthy()
    }
  })

  it('answers a made-up token with 404, and sends someone who opens the address to the page that asks', async () => {
    const bad = await oneClick(
      `${siteOrigin()}/api/subscribers/unsubscribe?token=made.up`,
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
    )
    expect(bad.status).toBe(404)
    expect((await bad.json()).errors[0]).toMatchObject({
      message: 'This unsubscribe link is not valid.',
      data: { code: 'unsubscribeLinkInvalid' },
    })

    const email = newAddress()
    await signUpAt(email, new Date(), { language: 'ru' })
    const { mail } = await confirmationMail(email)
    const url = mail.headers['list-unsubscribe']!.replace(/^<|>$/g, '')
    const config = await (await import('@payload-config')).default
    const opened = await handleEndpoints({ config, request: new Request(url) })
    expect(opened.status).toBe(303)
    const token = new URL(url).searchParams.get('token')!
    expect(opened.headers.get('location')).toBe(
      `${siteOrigin()}/ru/updates/unsubscribe?token=${encodeURIComponent(token)}`,
    )
    // Opening it changed nothing.
    expect((await subscriberFor(email))?.status).toBe('pending')
  })
})
