import { DeleteObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'

import type { FileStore, StoredFile } from './fileStore'
import { isPlainName } from './plainName'
import type { ObjectLocation } from './objectStorage'

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404
}

/** An upload collection's objects: `<prefix>/<file name>` in its bucket. */
export function bucketFiles({ bucket, prefix, client }: ObjectLocation): FileStore {
  const keyOf = (name: string) => (isPlainName(name) ? `${prefix}/${name}` : null)
  return {
    where: `${bucket}/${prefix}`,
    size: async (name) => {
      const key = keyOf(name)
      if (!key) return null
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        return head.ContentLength ?? null
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    },
    list: async () => {
      const files: StoredFile[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, ContinuationToken }),
        )
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(prefix.length + 1) ?? ''
          if (isPlainName(name)) files.push({ name, modified: object.LastModified ?? new Date(0) })
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return files
    },
    remove: async (names) => {
      const keys = names.map(keyOf).filter((key): key is string => Boolean(key))
      // One request per object: S3-compatible servers differ on the checksums a batch delete needs.
      await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))))
    },
    freeBytes: () => Number.POSITIVE_INFINITY,
  }
}
