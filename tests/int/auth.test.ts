import type { Payload } from 'payload'

import crypto from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { loginKeys, loginLimits } from '@/collections/Users/hooks/throttleLogins'
import { refusals } from '@/lib/i18n/admin/refusals'

import { graphql, rest } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Signing in tells nobody which e-mails belong to staff, and nobody can shut a colleague out:
 * login, too many logins and forgot-password answer alike for e-mails with and without an
 * account, and both do the same work; sessions end on logout and on a password change.
 */
let payload: Payload
let staffEmail = ''
const password = 'correct horse battery staple'
const unknownEmail = 'nobody-here@example.org'

const login = (email: string, pass: string, from = '203.0.113.7') =>
  rest('POST', '/api/users/login', { body: { email, password: pass }, headers: { 'X-Forwarded-For': from } })

/** Counts `n` failed attempts as if they had been made, without the time each takes. */
function failedBefore(n: number, email: string, from: string) {
  const keys = loginKeys(new Headers({ 'X-Forwarded-For': from }), email)
  for (let i = 0; i < n; i++)
    for (const name of ['emailFromClient', 'client', 'email'] as const) loginLimits[name].take(keys[name])
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

/** Mail queued to an address, whatever it says. */
const mailTo = async (address: string) =>
  (await payload.find({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } }, limit: 100 })).docs.filter(
    (job) => (job.input as { message?: { to?: unknown } })?.message?.to === address,
  ).length

beforeAll(async () => {
  payload = await startPayload()
  staffEmail = (await createStaff(payload, 'editor')).email
})

afterAll(() => stopPayload(payload))

beforeEach(() => {
  for (const limiter of Object.values(loginLimits)) limiter.reset()
})

describe('a failed login', () => {
  it('gets the same answer whether or not the e-mail has an account', async () => {
    const known = await answer(await login(staffEmail, 'wrong password'))
    const unknown = await answer(await login(unknownEmail, 'wrong password'))
    expect(known.status).toBe(401)
    expect(unknown).toEqual(known)
  })

  it('derives a password hash the same way whether or not the e-mail has an account', async () => {
    const derivations = async (email: string) => {
      const spy = vi.spyOn(crypto, 'pbkdf2')
      try {
        await login(email, 'wrong password')
        return spy.mock.calls.map(([, , iterations, keyLength, digest]) => ({ iterations, keyLength, digest }))
      } finally {
        spy.mockRestore()
      }
    }
    const known = await derivations(staffEmail)
    expect(known).toHaveLength(1)
    expect(await derivations(unknownEmail)).toEqual(known)
    // The rounds are those the stored hash was made with: Payload's current format.
    const stored = await payload.db.findOne<{ id: string; hash?: string }>({
      collection: 'users',
      where: { email: { equals: staffEmail } },
    })
    expect(stored?.hash).toMatch(/^pbkdf2-sha256-v1:/)
  })
})

describe('too many logins', () => {
  it(
    'slows one address trying one e-mail, alike for e-mails with and without an account',
    { timeout: 180_000 },
    async () => {
      for (const email of [staffEmail, unknownEmail]) {
        for (let i = 0; i < 10; i++) expect((await login(email, `wrong ${i}`)).status).toBe(401)
      }
      const known = await answer(await login(staffEmail, 'wrong again'))
      const unknown = await answer(await login(unknownEmail, 'wrong again'))
      expect(known.status).toBe(429)
      expect(known.body.errors[0].data.code).toBe('tooManyLogins')
      expect(known.body.errors[0].message).toBe(
        refusals.en.tooManyLogins.replace('{{minutes}}', String(known.body.errors[0].message.match(/(\d+) min/)?.[1])),
      )
      // Alike but for the minutes left, which count from each e-mail's own first failure.
      const minutesLeft = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/\d+ min/g, 'N min'))
      expect(unknown.status).toBe(known.status)
      expect(minutesLeft(unknown.body)).toEqual(minutesLeft(known.body))
    },
  )

  it('locks no account: the right password from another address still signs her in', async () => {
    failedBefore(10, staffEmail, '198.51.100.1')
    expect((await login(staffEmail, password, '198.51.100.1')).status).toBe(429)
    expect((await login(staffEmail, password, '192.0.2.44')).status).toBe(200)
  })

  it('counts failures only: staff who sign in all day are never slowed', async () => {
    // Each success hands back what its attempt took: 29 earlier failures and a day of logins.
    for (let i = 0; i < 29; i++) failedBefore(1, `guess-${i}@example.org`, '203.0.113.7')
    for (let i = 0; i < 3; i++) expect((await login(staffEmail, password)).status).toBe(200)
    expect((await login('guess-a@example.org', 'wrong')).status).toBe(401)
    expect((await login('guess-b@example.org', 'wrong')).status).toBe(429)
  })

  it('forgets earlier failures once she signs in', async () => {
    failedBefore(9, staffEmail, '203.0.113.7')
    expect((await login(staffEmail, password)).status).toBe(200)
    failedBefore(9, staffEmail, '203.0.113.7')
    expect((await login(staffEmail, 'wrong')).status).toBe(401)
    expect((await login(staffEmail, 'wrong')).status).toBe(429)
  })

  it('slows one address trying many e-mails', async () => {
    for (let i = 0; i < 30; i++) failedBefore(1, `guess-${i}@example.org`, '198.51.100.9')
    expect((await login('one-more@example.org', 'wrong', '198.51.100.9')).status).toBe(429)
  })

  it('slows guesses at one e-mail from many addresses', async () => {
    for (let i = 0; i < 100; i++) failedBefore(1, staffEmail, `198.18.0.${i}`)
    expect((await login(staffEmail, 'wrong', '198.18.1.1')).status).toBe(429)
  })

  it('is refused over GraphQL too', async () => {
    failedBefore(10, unknownEmail, 'unknown')
    const result = await graphql(`mutation { loginUser(email: "${unknownEmail}", password: "x") { token } }`)
    const error = result.errors?.[0] as { extensions?: { data?: { code?: string } } } | undefined
    expect(error?.extensions?.data?.code).toBe('tooManyLogins')
  })
})

describe('forgot password', () => {
  it('answers at once and alike; only an account gets the e-mail', async () => {
    const before = await mailTo(staffEmail)
    const unknown = await answer(await rest('POST', '/api/users/forgot-password', { body: { email: unknownEmail } }))
    const known = await answer(await rest('POST', '/api/users/forgot-password', { body: { email: staffEmail } }))
    expect(known).toEqual({ status: 200, body: { message: 'Success' } })
    expect(unknown).toEqual(known)
    await expect.poll(() => mailTo(staffEmail), { timeout: 10_000 }).toBe(before + 1)
    expect(await mailTo(unknownEmail)).toBe(0)
  })

  it('refuses a request without an e-mail, in words', async () => {
    const refused = await answer(await rest('POST', '/api/users/forgot-password', { body: {} }))
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0]).toMatchObject({
      message: refusals.en.emailRequired,
      data: { code: 'emailRequired' },
    })
  })

  it('is asked for over REST only: GraphQL would make the client wait while an account is found', async () => {
    const result = await graphql(`mutation { forgotPasswordUser(email: "${staffEmail}") }`)
    const error = result.errors?.[0] as { message: string; extensions?: { data?: { code?: string } } } | undefined
    expect(error?.extensions?.data?.code).toBe('passwordResetOverRest')
    expect(error?.message).toBe(refusals.en.passwordResetOverRest)
  })
})

describe('sessions', () => {
  const me = async (token: string) =>
    ((await (await rest('GET', '/api/users/me', { token })).json()) as { user: { email: string } | null }).user
      ?.email ?? null

  async function signIn(): Promise<string> {
    const response = await login(staffEmail, password)
    expect(response.status).toBe(200)
    return ((await response.json()) as { token: string }).token
  }

  it('end on logout', async () => {
    const token = await signIn()
    expect(await me(token)).toBe(staffEmail)
    expect((await rest('POST', '/api/users/logout', { token })).status).toBe(200)
    expect(await me(token)).toBeNull()
  })

  it('end everywhere else when she changes her password', async () => {
    const other = await signIn()
    const current = await signIn()
    const user = await payload.find({ collection: 'users', where: { email: { equals: staffEmail } } })
    const id = user.docs[0]!.id
    const changed = await rest('PATCH', `/api/users/${id}`, { token: current, body: { password } })
    expect(changed.status).toBe(200)
    expect(await me(other)).toBeNull()
    expect(await me(current)).toBe(staffEmail)
  })

  it('cookies are httpOnly and SameSite=Lax', async () => {
    const cookie = (await login(staffEmail, password)).headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })
})
