import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/lib/roles'
import type { User } from '@/payload-types'

import { rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

const password = 'correct horse battery staple'

/** Locks the account the way an attacker guessing passwords would: ten failed logins. */
async function lockOut(user: User): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await payload.login({ collection: 'users', data: { email: user.email, password: 'wrong guess' } }).catch(() => null)
  }
  await expect(payload.login({ collection: 'users', data: { email: user.email, password } })).rejects.toThrow(/locked/i)
}

/** Payload's types ask for a password, which unlocking never reads. */
const unlockData = (user: User) => ({ email: user.email, password: '' })

async function canLogIn(user: User): Promise<boolean> {
  return payload
    .login({ collection: 'users', data: { email: user.email, password } })
    .then(() => true)
    .catch(() => false)
}

describe('unlocking a locked account', () => {
  it('is refused over REST to every role but admin, and the account stays locked', async () => {
    const victim = await createStaff(payload, 'contributor')
    await lockOut(victim)
    const refused = await Promise.all(
      (['editor', 'contributor', 'safeguarding'] as Role[]).map(async (role) => {
        const token = await tokenFor(payload, (await createStaff(payload, role)).email)
        return (await rest('POST', '/api/users/unlock', { token, body: { email: victim.email } })).status
      }),
    )
    expect(refused).toEqual([403, 403, 403])
    expect((await rest('POST', '/api/users/unlock', { body: { email: victim.email } })).status).toBe(403)
    expect(await canLogIn(victim)).toBe(false)

    const admin = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
    const response = await rest('POST', '/api/users/unlock', { token: admin, body: { email: victim.email } })
    expect(response.status).toBe(200)
    expect(await canLogIn(victim)).toBe(true)
  })

  it('is refused through the local API with access enforced, to everyone but admins', async () => {
    const victim = await createStaff(payload, 'editor')
    await lockOut(victim)
    for (const role of ['editor', 'contributor', 'safeguarding'] as Role[]) {
      const req = await requestAs(payload, await createStaff(payload, role))
      await expect(
        payload.unlock({ collection: 'users', data: unlockData(victim), overrideAccess: false, req }),
      ).rejects.toThrow(/not allowed/i)
    }
    expect(await canLogIn(victim)).toBe(false)
    const req = await requestAs(payload, await createStaff(payload, 'admin'))
    await expect(
      payload.unlock({ collection: 'users', data: unlockData(victim), overrideAccess: false, req }),
    ).resolves.toBe(true)
    expect(await canLogIn(victim)).toBe(true)
  })

  it('is offered in the admin (permissions) to admins only', async () => {
    for (const role of ['admin', 'editor', 'contributor', 'safeguarding'] as Role[]) {
      const token = await tokenFor(payload, (await createStaff(payload, role)).email)
      const response = await rest('GET', '/api/access', { token })
      // Payload sends `true` for a permission granted outright and leaves refused ones out.
      const { users } = ((await response.json()) as { collections: { users: true | { unlock?: unknown } } }).collections
      const unlock = users === true || users.unlock === true || (users.unlock as { permission?: boolean })?.permission
      expect(Boolean(unlock), role).toBe(role === 'admin')
    }
  })
})
