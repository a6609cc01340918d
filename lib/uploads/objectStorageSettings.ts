import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { UploadCollectionSlug } from 'payload'

import { objectStorageSettings } from '@/lib/settings/schema.mjs'

/**
 * Which bucket and prefix each upload collection keeps its objects under. Consent evidence goes
 * to the private bucket, which may be the media bucket itself: the prefixes keep them apart.
 * Every upload collection must have a row (the type says so).
 */
export const objectLocations = {
  media: { privateBucket: false, prefix: 'media' },
  'consent-evidence': { privateBucket: true, prefix: 'consent-evidence' },
} as const satisfies Record<UploadCollectionSlug, { privateBucket: boolean; prefix: string }>

export type ObjectStorage = { bucket: string; privateBucket: string; client: S3ClientConfig }

/** The object storage the S3_* settings describe, or null when none is set (uploads stay on the disk). */
export function objectStorage(env: NodeJS.ProcessEnv = process.env): ObjectStorage | null {
  const value = (name: (typeof objectStorageSettings)[number]) => env[name]?.trim() || ''
  const missing = objectStorageSettings.filter((name) => !value(name))
  if (missing.length === objectStorageSettings.length) return null
  // The settings check refuses this before the server starts; this guards any other way in.
  if (missing.length > 0) throw new Error(`Object storage needs every S3_ setting: ${missing.join(', ')} not set.`)
  return {
    bucket: value('S3_BUCKET'),
    privateBucket: value('S3_PRIVATE_BUCKET'),
    client: {
      region: value('S3_REGION'),
      endpoint: value('S3_ENDPOINT'),
      forcePathStyle: value('S3_FORCE_PATH_STYLE') === 'true',
      credentials: { accessKeyId: value('S3_ACCESS_KEY_ID'), secretAccessKey: value('S3_SECRET_ACCESS_KEY') },
      // The SDK now adds CRC checksums to every upload unless told otherwise, which not every
      // S3-compatible server understands (s3rver keeps a streamed upload with the checksum's
      // framing inside the object); S3 itself asks for them only where it requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }
}
