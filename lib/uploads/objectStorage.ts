import { S3Client } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field, Plugin, UploadCollectionSlug } from 'payload'

import { type ObjectStorage, objectLocations, objectStorage } from './objectStorageSettings'

export type ObjectLocation = { bucket: string; prefix: string; client: S3Client }

/**
 * Uploads in S3-compatible object storage (MinIO, AWS S3…) instead of the local disk, when the
 * S3_* settings are given (all of them, or none: lib/settings/schema.mjs). Payload's storage
 * adapter writes and deletes the objects; Voices still serves every file through its own routes
 * (`/api/<collection>/file/<name>`), after the same read access check and with the same
 * headers as from the disk. So a photo taken down stops being served at once, consent evidence
 * is only ever read by safeguarding staff and admins (and audited), and no object is ever
 * public-read: neither bucket needs, or should have, any anonymous access.
 */

const clients = new Map<string, S3Client>()

/** Where this collection's objects are, or null when it keeps its files on the disk. */
export function objectLocation(slug: string): ObjectLocation | null {
  const storage = objectStorage()
  const location = storage && (objectLocations as Record<string, (typeof objectLocations)[UploadCollectionSlug]>)[slug]
  if (!storage || !location) return null
  const key = JSON.stringify(storage.client)
  if (!clients.has(key)) clients.set(key, new S3Client(storage.client))
  return {
    bucket: location.privateBucket ? storage.privateBucket : storage.bucket,
    prefix: location.prefix,
    client: clients.get(key)!,
  }
}

/**
 * The adapter adds a `prefix` field (where an object is, writable through every API) and an
 * `_objectKey` field (for uploads straight from the browser, which Voices does not use). Without
 * them each object's key is `<collection prefix>/<file name>`, decided by Voices alone, and the
 * database schema is the same with or without object storage. The adapter's file handler then
 * needs no document to find the key: where read access is unconditional (staff) Payload passes
 * none, and the adapter would look the key up with a `select` of those fields. The adapter also
 * lets uploads by URL fetch from localhost outside production; each collection keeps its own rule.
 * And it gives the admin a provider per collection for uploads from the browser, which stay off:
 * without them the admin, and its import map, are the same as on the disk.
 */
const adapterFields = new Set(['prefix', '_objectKey'])
const browserUploads = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

type FileHandler = NonNullable<NonNullable<Exclude<CollectionConfig['upload'], boolean>>['handlers']>[number]

const keyFromFileName =
  (handler: FileHandler): FileHandler =>
  (req, args) =>
    handler(req, { ...args, doc: args.doc ?? ({} as typeof args.doc) })

function keysFromFileNames(): { before: Plugin; after: Plugin } {
  const own = new Map<string, { handlers: FileHandler[]; skipSafeFetch: unknown }>()
  return {
    before: (config: Config) => {
      for (const { slug, upload } of config.collections ?? []) {
        if (slug in objectLocations && typeof upload === 'object')
          own.set(slug, { handlers: upload.handlers ?? [], skipSafeFetch: upload.skipSafeFetch })
      }
      return config
    },
    after: (config: Config) => ({
      ...config,
      admin: withoutBrowserUploads(config.admin),
      collections: (config.collections ?? []).map((collection) => {
        const before = own.get(collection.slug)
        if (!before || typeof collection.upload !== 'object') return collection
        return {
          ...collection,
          fields: collection.fields.filter((field: Field) => !('name' in field && adapterFields.has(field.name))),
          upload: {
            ...collection.upload,
            handlers: (collection.upload.handlers ?? []).map((handler) =>
              before.handlers.includes(handler) ? handler : keyFromFileName(handler),
            ),
            skipSafeFetch: before.skipSafeFetch as boolean | undefined,
          },
        }
      }),
    }),
  }
}

function withoutBrowserUploads(admin: Config['admin']): Config['admin'] {
  const dependencies = { ...admin?.dependencies }
  delete dependencies[browserUploads]
  const providers = admin?.components?.providers?.filter(
    (provider) => !(typeof provider === 'object' && provider && 'path' in provider && provider.path === browserUploads),
  )
  return { ...admin, dependencies, components: { ...admin?.components, providers } }
}

/** The storage adapter for each bucket in use, when the S3_* settings are given; nothing otherwise. */
export function objectStoragePlugins(storage: ObjectStorage | null = objectStorage()): Plugin[] {
  if (!storage) return []
  const byBucket = new Map<string, Partial<Record<UploadCollectionSlug, { prefix: string }>>>()
  for (const [slug, location] of Object.entries(objectLocations)) {
    const bucket = location.privateBucket ? storage.privateBucket : storage.bucket
    byBucket.set(bucket, { ...byBucket.get(bucket), [slug]: { prefix: location.prefix } })
  }
  const { before, after } = keysFromFileNames()
  const adapters = [...byBucket].map(([bucket, collections]) =>
    s3Storage({
      bucket,
      collections,
      config: storage.client,
      clientCacheKey: `voices:${bucket}`,
      // No ACL is sent: objects are private, as the bucket is. Files are never handed out as
      // links to the bucket, signed or not: Voices serves them (signedDownloads stays off).
      signedDownloads: false,
    }),
  )
  return [before, ...adapters, after]
}
