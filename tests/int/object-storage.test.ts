import type { CollectionAfterChangeHook, Payload, SanitizedConfig } from 'payload'

import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import exifr from 'exifr'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateImportMap } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup } from '@/lib/backup/createBackup'
import { exportInstance } from '@/lib/transfer/exportInstance'
import { removeOrphanFiles } from '@/lib/uploads/orphanFiles'
import type { ConsentEvidence, Media } from '@/payload-types'

import { createStory, writtenConsent } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'
import { type S3Server, type SeenRequest, startS3Server } from '../helpers/s3Server'

/**
 * Uploads in S3-compatible object storage (S3_* set), against a real S3 server on loopback
 * (s3rver): media and consent evidence land in their buckets under random names, stripped of
 * metadata; Voices still serves every file through its own routes, checking read access each
 * time, so a photo whose consent is withdrawn stops at once and evidence never reaches anyone
 * anonymous; deletions, failed uploads and files a crash left behind leave nothing in a bucket.
 */
const MEDIA_BUCKET = 'voices-test-media'
const PRIVATE_BUCKET = 'voices-test-private'

let s3: S3Server
let client: S3Client
let payload: Payload
const tokens: Record<'editor' | 'safeguarding', string> = { editor: '', safeguarding: '' }

beforeAll(async () => {
  s3 = await startS3Server([MEDIA_BUCKET, PRIVATE_BUCKET])
  // Read by the Payload config as it is imported, below.
  Object.assign(process.env, {
    S3_BUCKET: MEDIA_BUCKET,
    S3_PRIVATE_BUCKET: PRIVATE_BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.voices.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.voices.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  })
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: s3.tester,
  })
  payload = await startPayload()
  for (const role of ['editor', 'safeguarding'] as const) {
    tokens[role] = await tokenFor(payload, (await createStaff(payload, role)).email)
  }
})

afterAll(async () => {
  await stopPayload(payload)
  client?.destroy()
  await s3?.stop()
})

/** Every key in a bucket, sorted. */
async function keys(bucket: string): Promise<string[]> {
  const { Contents } = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
  return (Contents ?? []).map((object) => object.Key!).sort()
}

async function object(bucket: string, key: string): Promise<Buffer> {
  const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return Buffer.from(await Body!.transformToByteArray())
}

const filesOf = (doc: Media | ConsentEvidence) =>
  [doc.filename, ...Object.values(('sizes' in doc && doc.sizes) || {}).map((size) => size?.filename)].filter(
    (name): name is string => Boolean(name),
  )

/** A phone-style JPEG carrying camera EXIF and GPS coordinates (central Almaty). */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#5a7a3a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Artist: 'Dana Home' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 14/1 18/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 56/1 44/1',
      },
    })
    .toBuffer()
}

async function uploadPhoto(peopleShown: Array<{ relationTo: 'participants'; value: string }> = []): Promise<Media> {
  const data = await phonePhoto()
  return payload.create({
    collection: 'media',
    data: { alt: 'A courtyard in spring', peopleShown },
    file: { data, mimetype: 'image/jpeg', name: 'dana-kassymova-at-home.jpg', size: data.length },
  })
}

const scan = () =>
  sharp({ create: { width: 300, height: 400, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer()

async function uploadEvidence(): Promise<ConsentEvidence> {
  const data = await scan()
  return payload.create({
    collection: 'consent-evidence',
    data: { note: 'Signed at the Tuesday group' },
    file: { data, mimetype: 'image/png', name: 'consent-form-dana-kassymova.png', size: data.length },
  })
}

const fileUrl = (url: string | null | undefined) => new URL(url!, 'http://voices.test').pathname

describe('with S3_* set, an uploaded photo', () => {
  it('lands in the media bucket under its prefix, every size under a random name, without metadata', async () => {
    const media = await uploadPhoto()
    const names = filesOf(media)
    expect(names.length).toBeGreaterThanOrEqual(5)
    for (const name of names) expect(name).toMatch(/^[0-9a-f-]{36}(-\d+x\d+)?\.(webp|jpg)$/)
    expect(await keys(MEDIA_BUCKET)).toEqual(expect.arrayContaining(names.map((name) => `media/${name}`)))
    expect((await keys(PRIVATE_BUCKET)).some((key) => names.some((name) => key.endsWith(name)))).toBe(false)
    for (const name of names) {
      const stored = await object(MEDIA_BUCKET, `media/${name}`)
      expect((await sharp(stored).metadata()).exif, name).toBeUndefined()
      expect(await exifr.gps(stored).catch(() => undefined), name).toBeFalsy()
      expect(stored.includes(Buffer.from('Dana Home')), name).toBe(false)
    }
    // Nothing goes to the disk.
    expect(fs.existsSync(path.join(process.env.VOICES_DATA_DIR!, 'media'))).toBe(false)
  })

  it('is served through Voices while a published story shows her, and stops the moment she withdraws', async () => {
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: 'Aigerim', legalName: 'Aigerim Legal', consent: writtenConsent(['name', 'photo']) },
    })
    const media = await uploadPhoto([{ relationTo: 'participants', value: person.id }])
    const file = fileUrl(media.url)
    const size = fileUrl(media.sizes!.thumbnail!.url)
    expect((await rest('GET', file)).status).toBe(403)

    await createStory(payload, { heroImage: media.id })
    const served = await rest('GET', file)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(await object(MEDIA_BUCKET, `media/${media.filename}`))).toBe(
      true,
    )
    expect(served.headers.get('cache-control')).toBe('no-cache')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    const etag = served.headers.get('etag')!
    expect(etag).toBe(`"${media.filesize}"`)
    expect((await rest('GET', file, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    expect((await rest('GET', size)).status).toBe(200)

    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: { ...writtenConsent(['name', 'photo']), withdrawnAt: new Date().toISOString() } },
    })
    expect((await rest('GET', file)).status).toBe(403)
    expect((await rest('GET', size)).status).toBe(403)
    // Not even a 304 to someone holding the tag from before.
    expect((await rest('GET', file, { headers: { 'If-None-Match': etag } })).status).toBe(403)
    // Staff still see it, for the admin.
    expect((await rest('GET', file, { token: tokens.editor })).status).toBe(200)
  })

  it('is deleted from the bucket, every size, with its document', async () => {
    const media = await uploadPhoto()
    const stored = filesOf(media).map((name) => `media/${name}`)
    expect(await keys(MEDIA_BUCKET)).toEqual(expect.arrayContaining(stored))
    await payload.delete({ collection: 'media', id: media.id })
    expect((await keys(MEDIA_BUCKET)).filter((key) => stored.includes(key))).toEqual([])
  })

  it('whose record cannot be saved leaves none of its objects in the bucket', async () => {
    const before = await keys(MEDIA_BUCKET)
    const count = (await payload.count({ collection: 'media' })).totalDocs
    const sent = s3.seen.length
    const hooks = payload.collections.media.config.hooks.afterChange
    const fail: CollectionAfterChangeHook = () => {
      throw new Error('the database went away')
    }
    // After the adapter's own hook: the objects are in the bucket when the save fails.
    hooks.push(fail)
    try {
      const data = await phonePhoto()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), 'photo.jpg')
      form.append('_payload', JSON.stringify({ alt: 'A field at dusk' }))
      expect((await rest('POST', '/api/media', { token: tokens.editor, form })).status).toBeGreaterThanOrEqual(400)
    } finally {
      hooks.splice(hooks.indexOf(fail), 1)
    }
    expect(s3.seen.slice(sent).filter((request) => request.method === 'PUT').length).toBeGreaterThanOrEqual(5)
    expect(await keys(MEDIA_BUCKET)).toEqual(before)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(count)
  })
})

describe('with S3_* set, consent evidence', () => {
  it('lands in the private bucket under a random name, and is served only to safeguarding, audited', async () => {
    const evidence = await uploadEvidence()
    expect(evidence.filename).toMatch(/^[0-9a-f-]{36}\.png$/)
    expect(await keys(PRIVATE_BUCKET)).toContain(`consent-evidence/${evidence.filename}`)
    expect((await keys(MEDIA_BUCKET)).some((key) => key.includes(evidence.filename!))).toBe(false)

    const file = fileUrl(evidence.url)
    expect((await rest('GET', file)).status).toBe(403)
    expect((await rest('GET', file, { token: tokens.editor })).status).toBe(403)
    const downloads = () =>
      payload
        .find({ collection: 'audit-log', where: { document: { equals: evidence.id } }, limit: 100, depth: 0 })
        .then(({ docs }) => docs.filter((doc) => doc.action === 'read' && doc.fields?.includes('file')).length)
    expect(await downloads()).toBe(0)
    const served = await rest('GET', file, { token: tokens.safeguarding })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(await scan())).toBe(true)
    expect(await downloads()).toBe(1)
  })

  it('whose object is gone answers 404 and logs no download', async () => {
    const evidence = await uploadEvidence()
    await client.send(new DeleteObjectCommand({ Bucket: PRIVATE_BUCKET, Key: `consent-evidence/${evidence.filename}` }))
    const response = await rest('GET', fileUrl(evidence.url), { token: tokens.safeguarding })
    expect(response.status).toBe(404)
    const { docs } = await payload.find({ collection: 'audit-log', where: { document: { equals: evidence.id } } })
    expect(docs.filter((doc) => doc.fields?.includes('file') && doc.action === 'read')).toEqual([])
  })

  it('is deleted from the private bucket with its document', async () => {
    const evidence = await uploadEvidence()
    await payload.delete({ collection: 'consent-evidence', id: evidence.id })
    expect(await keys(PRIVATE_BUCKET)).not.toContain(`consent-evidence/${evidence.filename}`)
  })
})

describe('with S3_* set, Voices', () => {
  it('gives every upload collection to the storage adapter, keyed by file name alone, nothing on the disk', () => {
    for (const { config } of Object.values(payload.collections).filter(({ config }) => config.upload)) {
      expect(config.upload, config.slug).toMatchObject({ adapter: 's3', disableLocalStorage: true })
      const names = config.fields.map((field) => ('name' in field ? field.name : ''))
      expect(names, config.slug).not.toContain('prefix')
      expect(names, config.slug).not.toContain('_objectKey')
    }
  })

  it('gives the admin nothing its committed import map lacks', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-s3-importmap-'))
    try {
      const importMapFile = path.join(scratch, 'importMap.js')
      const admin = { ...payload.config.admin, importMap: { ...payload.config.admin.importMap, importMapFile } }
      await generateImportMap({ ...payload.config, admin } as SanitizedConfig, { log: false, force: true })
      const committed = fs.readFileSync(path.join(process.cwd(), 'app/(payload)/admin/importMap.js'), 'utf8')
      expect(fs.readFileSync(importMapFile, 'utf8') === committed).toBe(true)
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true })
    }
  })

  // s3rver serves anonymous reads (it has no bucket policies), so refusing them is the buckets'
  // part: docker-compose.yml's minio-init makes them private (tests/int/compose.test.ts). Here is
  // what Voices controls: it reaches the store with its key alone, and opens nothing to anyone.
  it('signs every request to the store, asks for no public ACL and never hands out an address in the bucket', async () => {
    const media = await uploadPhoto()
    const evidence = await uploadEvidence()
    const signer = (request: SeenRequest) =>
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? 'nobody'
    const byVoices = s3.seen.filter((request) => signer(request) !== s3.tester.accessKeyId)
    expect(byVoices.filter((request) => request.method === 'PUT').length).toBeGreaterThan(10)
    for (const request of byVoices) {
      expect(signer(request), `${request.method} ${request.url}`).toBe(s3.voices.accessKeyId)
      expect(request.headers['x-amz-acl'], `${request.method} ${request.url}`).toBeUndefined()
      expect(request.url).not.toMatch(/[?&](acl|policy|cors|website)\b/)
    }
    const answers = JSON.stringify([
      await (await rest('GET', `/api/media/${media.id}`, { token: tokens.editor })).json(),
      await (await rest('GET', `/api/consent-evidence/${evidence.id}`, { token: tokens.safeguarding })).json(),
    ])
    expect(answers).toContain(`/api/media/file/${media.filename}`)
    expect(answers).not.toContain(new URL(s3.endpoint).host)
    expect(answers).not.toMatch(new RegExp(`${MEDIA_BUCKET}|${PRIVATE_BUCKET}`))
  })

  it('removes objects no record refers to once no upload can still be under way, keeping every other', async () => {
    const media = await uploadPhoto()
    const evidence = await uploadEvidence()
    const cutOff = ['media/cut-off-upload.webp', 'media/cut-off-upload-400x300.jpg']
    for (const Key of cutOff) {
      await client.send(new PutObjectCommand({ Bucket: MEDIA_BUCKET, Key, Body: Buffer.from('half an image') }))
    }
    await client.send(
      new PutObjectCommand({ Bucket: PRIVATE_BUCKET, Key: 'consent-evidence/cut-off.pdf', Body: Buffer.from('%PDF') }),
    )
    // Another instance may be storing an upload whose record it has not committed yet.
    expect(await removeOrphanFiles(payload)).toEqual([])
    const later = new Date(Date.now() + 11 * 60 * 1000)
    expect((await removeOrphanFiles(payload, later)).sort()).toEqual([
      `${MEDIA_BUCKET}/media/cut-off-upload-400x300.jpg`,
      `${MEDIA_BUCKET}/media/cut-off-upload.webp`,
      `${PRIVATE_BUCKET}/consent-evidence/cut-off.pdf`,
    ])
    const left = [...(await keys(MEDIA_BUCKET)), ...(await keys(PRIVATE_BUCKET))]
    expect(left).toEqual(
      expect.arrayContaining([
        ...filesOf(media).map((name) => `media/${name}`),
        `consent-evidence/${evidence.filename}`,
      ]),
    )
    expect(left.filter((key) => key.includes('cut-off'))).toEqual([])
  })
})

describe('with S3_* set, a backup', () => {
  it('is refused, naming the buckets it does not carry, until told they are backed up apart', async () => {
    process.env.VOICES_BACKUP_KEY = crypto.randomBytes(32).toString('hex')
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-s3-backup-'))
    try {
      await uploadEvidence()
      await expect(createBackup({ outDir: out })).rejects.toThrow(
        new RegExp(
          `\\(${MEDIA_BUCKET} and ${PRIVATE_BUCKET}\\), which .npm run backup. does not carry.*mc mirror.*--without-bucket-files`,
        ),
      )
      expect(fs.readdirSync(out)).toEqual([])
      // A transfer carries no bucket either, and says so the same way.
      await expect(exportInstance({ outDir: out })).rejects.toThrow(
        /which `npm run transfer` does not carry.*`npm run transfer -- export --without-bucket-files`/,
      )
      expect(fs.readdirSync(out)).toEqual([])
      const { archive, buckets, manifest } = await createBackup({ outDir: out, withoutBucketFiles: true })
      expect(fs.existsSync(archive)).toBe(true)
      expect(buckets).toEqual([MEDIA_BUCKET, PRIVATE_BUCKET])
      expect(manifest.database.tables['consent_evidence']).toBeGreaterThan(0)
      expect(manifest.files.filter((file) => /^(media|private)\//.test(file.path))).toEqual([])
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('with S3_* set, /api/ready', () => {
  // Last in this file: it stops the store.
  it('answers 200 while the buckets answer, and 503 once they do not', async () => {
    expect((await rest('GET', '/api/ready')).status).toBe(200)
    const { stop } = s3
    s3 = { ...s3, stop: async () => undefined }
    await stop()
    const unready = await rest('GET', '/api/ready')
    expect(unready.status).toBe(503)
    expect(await unready.json()).toEqual({ ready: false })
  })
})
