import type { Payload } from 'payload'

import exifr from 'exifr'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

/** A phone-style JPEG carrying camera EXIF, GPS coordinates (central Almaty), XMP and a comment. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7a5a3a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Dana Home', Copyright: 'Private' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 14/1 18/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 56/1 44/1',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Dana Home</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer()
}

describe('uploaded photos', () => {
  it('start out carrying GPS coordinates (the test photo is real)', async () => {
    const gps = await exifr.gps(await phonePhoto())
    expect(gps?.latitude).toBeCloseTo(43.238, 2)
  })

  it('are stored, original and every size, without EXIF, GPS, XMP or IPTC metadata', async () => {
    const data = await phonePhoto()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'A street at dusk' },
      file: { data, mimetype: 'image/jpeg', name: 'dana-at-home.jpg', size: data.length },
    })
    const staticDir = path.join(process.env.VOICES_DATA_DIR!, 'media')
    const files = [media.filename, ...Object.values(media.sizes ?? {}).map((size) => size?.filename)].filter(
      (name): name is string => Boolean(name),
    )
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const file of files) {
      const stored = fs.readFileSync(path.join(staticDir, file))
      const metadata = await sharp(stored).metadata()
      expect(metadata.exif, file).toBeUndefined()
      expect(metadata.xmp, file).toBeUndefined()
      expect(metadata.iptc, file).toBeUndefined()
      expect(await exifr.gps(stored).catch(() => undefined), file).toBeFalsy()
      expect(stored.includes(Buffer.from('Dana Home')), file).toBe(false)
    }
  })

  it('are stored under a random name, never the one they were uploaded with', async () => {
    const data = await phonePhoto()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'A doorway' },
      file: { data, mimetype: 'image/jpeg', name: 'zhanargul-kassymkhanova-home.jpg', size: data.length },
    })
    expect(media.filename).not.toMatch(/zhanargul|kassymkhanova|home/i)
    expect(media.url).not.toMatch(/zhanargul|kassymkhanova/i)
    expect(media.filename).toMatch(/^[0-9a-f-]{36}\.webp$/)
  })

  it('are shown on the site as WebP in every size, and shared as the format they came in', async () => {
    const data = await phonePhoto()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'A window' },
      file: { data, mimetype: 'image/jpeg', name: 'window.jpg', size: data.length },
    })
    const staticDir = path.join(process.env.VOICES_DATA_DIR!, 'media')
    const formats = Object.fromEntries(
      await Promise.all(
        Object.entries(media.sizes ?? {}).map(async ([name, size]) => {
          const { format } = await sharp(fs.readFileSync(path.join(staticDir, size!.filename!))).metadata()
          return [name, `${size!.mimeType} ${format} ${path.extname(size!.filename!)}`]
        }),
      ),
    )
    const webp = 'image/webp webp .webp'
    expect(formats).toEqual({
      thumbnail: webp,
      cardSmall: webp,
      card: webp,
      heroSmall: webp,
      hero: webp,
      share: 'image/jpeg jpeg .jpg',
    })
  })
})
