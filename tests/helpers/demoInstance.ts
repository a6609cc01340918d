import type { Payload } from 'payload'

import sharp from 'sharp'

import { type AdminLogin, seed } from '@/seed'

/**
 * The demo content, as `npm run seed` writes it, with one signed consent form: an instance
 * holding every kind of data, public and private, for the tests that copy or move one whole.
 */
export async function seedWithEvidence(payload: Payload, admin: AdminLogin): Promise<void> {
  await seed(payload, admin)
  const form = await sharp({ create: { width: 30, height: 40, channels: 3, background: '#fefefe' } })
    .png()
    .toBuffer()
  await payload.create({
    collection: 'consent-evidence',
    data: { note: 'Signed in the Almaty group' },
    file: { data: form, mimetype: 'image/png', name: 'signed-form.png', size: form.length },
  })
}
