import type { Payload, PayloadRequest } from 'payload'

import fs from 'node:fs'
import { createLocalReq, getPayload } from 'payload'

import type { User } from '@/payload-types'
import type { Role } from '@/lib/roles'

/** Boots Payload on this test file's own database (see isolatedDatabase.ts). */
export async function startPayload(): Promise<Payload> {
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

/** Drops the test database and its files. */
export async function stopPayload(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  if (process.env.VOICES_TEST_DB === 'mongodb') {
    const connection = (payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection
    await connection?.dropDatabase()
  }
  await payload.destroy()
  const dir = process.env.VOICES_TEST_DATA_DIR
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}

let counter = 0

export async function createStaff(payload: Payload, role: Role): Promise<User> {
  counter += 1
  return payload.create({
    collection: 'users',
    data: { email: `${role}-${counter}@example.org`, password: 'correct horse battery staple', role },
  })
}

/** A request as this member of staff would make it, for access-function and local-API tests. */
export async function requestAs(payload: Payload, user: User | null): Promise<PayloadRequest> {
  return createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)
}
