import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * An upload is what its content says it is, whatever its name or declared type claims: only
 * real images become media, only the evidence formats become consent evidence, an SVG (which
 * can carry script) is never stored, and nothing over the size limit is read to the end.
 */
let payload: Payload
let token = ''

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>',
)
const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')

function upload(collection: 'media' | 'consent-evidence', file: Buffer, name: string, type: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(collection === 'media' ? { alt: 'An upload' } : { note: 'An upload' }))
  return rest('POST', `/api/${collection}`, { token, form })
}

const stored = (collection: string) =>
  fs.existsSync(path.join(process.env.VOICES_DATA_DIR!, collection === 'media' ? 'media' : 'private/consent-evidence'))
    ? fs.readdirSync(
        path.join(process.env.VOICES_DATA_DIR!, collection === 'media' ? 'media' : 'private/consent-evidence'),
      )
    : []

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
})

afterAll(() => stopPayload(payload))

describe('an upload', () => {
  it('of a real image is stored', async () => {
    const response = await upload('media', await png(), 'photo.png', 'image/png')
    expect(response.status, await response.clone().text()).toBe(201)
  })

  it.each([
    ['an SVG with a script', svg, 'drawing.svg', 'image/svg+xml'],
    ['an SVG named as a PNG', svg, 'drawing.png', 'image/png'],
    ['an HTML page named as a JPEG', html, 'photo.jpg', 'image/jpeg'],
    ['text named as a WebP', Buffer.from('just some words'), 'photo.webp', 'image/webp'],
    ['an empty file', Buffer.alloc(0), 'empty.jpg', 'image/jpeg'],
  ])('of %s is refused in words and nothing is stored', async (_what, file, name, type) => {
    for (const collection of ['media', 'consent-evidence'] as const) {
      const before = { docs: (await payload.count({ collection })).totalDocs, files: stored(collection).length }
      const response = await upload(collection, file, name, type)
      const body = await response.text()
      expect(response.status, body).toBeGreaterThanOrEqual(400)
      expect(response.status, body).toBeLessThan(500)
      expect(body).not.toMatch(/at .*\.js:\d+/)
      expect((await payload.count({ collection })).totalDocs).toBe(before.docs)
      expect(stored(collection).length).toBe(before.files)
    }
  })
})

describe('an upload over the size limit', () => {
  it('is refused with 413 before it is stored', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const response = await upload('media', Buffer.alloc(21 * 1024 * 1024, 1), 'huge.jpg', 'image/jpeg')
    expect(response.status).toBe(413)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })
})
