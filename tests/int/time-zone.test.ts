import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDate } from '@/lib/i18n'
import { defaultTimeZone } from '@/lib/timeZone'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
  // The settings as the seed leaves them: a name, and the time zone untouched.
  await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Voices test' } })
})

afterAll(() => stopPayload(payload))

async function setZone(role: 'editor' | 'contributor' | 'safeguarding' | 'admin', timeZone: unknown) {
  const token = await tokenFor(payload, (await createStaff(payload, role)).email)
  return rest('POST', '/api/globals/site-settings', { token, body: { timeZone } })
}

const storedZone = async () =>
  (await payload.findGlobal({ slug: 'site-settings', depth: 0, select: { timeZone: true } })).timeZone

describe('the time zone in site settings', () => {
  it('is Almaty’s until someone changes it, and visitors may read it', async () => {
    expect(defaultTimeZone).toBe('Asia/Almaty')
    expect(await storedZone()).toBe('Asia/Almaty')
    const response = await rest('GET', '/api/globals/site-settings?depth=0')
    expect(((await response.json()) as { timeZone?: string }).timeZone).toBe('Asia/Almaty')
  })

  it('is changed by editors and admins only, and stored under its canonical name', async () => {
    expect((await setZone('contributor', 'Europe/London')).status).toBe(403)
    expect((await setZone('safeguarding', 'Europe/London')).status).toBe(403)
    expect(await storedZone()).toBe('Asia/Almaty')
    const changed = await setZone('editor', 'asia/bishkek')
    expect(changed.status, await changed.clone().text()).toBe(200)
    expect(await storedZone()).toBe('Asia/Bishkek')
    expect((await setZone('admin', 'Asia/Almaty')).status).toBe(200)
    expect(await storedZone()).toBe('Asia/Almaty')
  })

  it('need not be sent with every other change, through GraphQL either', async () => {
    const token = await tokenFor(payload, (await createStaff(payload, 'editor')).email)
    const result = await graphql(
      'mutation { updateSiteSetting(data: { tagline: "Weekly groups" }) { tagline timeZone } }',
      token,
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.updateSiteSetting).toEqual({ tagline: 'Weekly groups', timeZone: 'Asia/Almaty' })
  })

  it('accepts IANA zone names only', async () => {
    for (const invalid of ['Mars/Olympus', '+05:00', 'Almaty time', '', null]) {
      const response = await setZone('editor', invalid)
      expect(response.status, String(invalid)).toBe(400)
      expect(await response.text()).toMatch(/IANA/)
    }
    expect(await storedZone()).toBe('Asia/Almaty')
  })
})

describe('formatDate', () => {
  // 20:00 UTC on New Year's Day is already 2 January in Almaty.
  const evening = '2026-01-01T20:00:00.000Z'

  it('prints the date in the zone it is given, in each language', () => {
    expect(formatDate(evening, 'en', 'Asia/Almaty')).toBe('2 January 2026')
    expect(formatDate(evening, 'en', 'Europe/London')).toBe('1 January 2026')
    expect(formatDate(evening, 'ru', 'Asia/Almaty')).toMatch(/^2 января 2026/)
    expect(formatDate(evening, 'ru', 'America/New_York')).toMatch(/^1 января 2026/)
  })

  it('falls back to the default zone rather than failing a page on a bad value', () => {
    expect(formatDate(evening, 'en', 'Mars/Olympus')).toBe('2 January 2026')
    expect(formatDate(null, 'en', 'Asia/Almaty')).toBe('')
  })
})
