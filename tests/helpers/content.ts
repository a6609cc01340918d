import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { SignOffContext } from '@/privacy/publishing/signOff'
import { richText } from '@/seed/richText'

/** Minimal valid documents for tests; each call makes a new one. */
let n = 0

export async function createProgram(payload: Payload, status: 'published' | 'draft' = 'published') {
  n += 1
  const data: RequiredDataFromCollectionSlug<'programs'> = {
    name: `Test program ${n}`,
    slug: '',
    _status: status,
    status: 'active',
  }
  return payload.create({ collection: 'programs', data })
}

/**
 * Written as if safeguarding had signed off, so tests of other rules can publish stories about
 * participants. The workflow tests leave this out to test the sign-off itself.
 */
export const signedOff: SignOffContext = { signOff: { name: 'Test safeguarding officer' } }

/** A published story (signed off); an empty slug is derived from the title, as in the admin. */
export async function createStory(
  payload: Payload,
  overrides: Partial<RequiredDataFromCollectionSlug<'stories'>> = {},
) {
  n += 1
  const data: RequiredDataFromCollectionSlug<'stories'> = {
    title: `Test story ${n}`,
    slug: '',
    body: richText('A paragraph of test prose.'),
    _status: 'published',
    ...overrides,
  }
  return payload.create({ collection: 'stories', data, context: signedOff })
}

/** A valid written consent for these scopes, given yesterday and expiring in a year. */
export function writtenConsent(scopes: Array<'name' | 'photo' | 'quotes' | 'personalDetails'> = ['name']) {
  const day = 24 * 60 * 60 * 1000
  return {
    status: 'written' as const,
    scopes,
    givenAt: new Date(Date.now() - day).toISOString(),
    expiresAt: new Date(Date.now() + 365 * day).toISOString(),
  }
}

/** Queues publishing a story at `waitUntil` (due already by default), as the admin's "Schedule publish" does for `by`. */
export function schedulePublish(
  payload: Payload,
  storyId: string,
  by: string,
  waitUntil = new Date(Date.now() - 1000),
) {
  return payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type: 'publish',
      doc: { relationTo: 'stories', value: storyId },
      user: { relationTo: 'users', value: by },
    },
    waitUntil,
  })
}
