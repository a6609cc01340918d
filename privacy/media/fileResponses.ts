import type { CollectionSlug, PayloadRequest, UploadConfig } from 'payload'

import { fileNotFound } from '@/lib/uploads/fileNotFound'
import { fileStore } from '@/lib/uploads/fileStore'

/**
 * How media files are served. A file's URL never changes content (every upload gets a new random
 * name), so its size is a sound validator. Every response says `no-cache`: browsers and any
 * shared cache may keep a copy but must ask again before each use, and each time Payload checks
 * read access first, so a photo that stops being public (consent withdrawn, story unpublished)
 * stops being served at once instead of living on in caches. The answer to a repeat visit is a
 * bodiless 304. Files in object storage are served the same way, from here, never from the bucket.
 */
const etagFor = (size: number | string) => `"${size}"`

export function mediaResponseHeaders({ headers }: { headers: Headers }): Headers {
  const total = headers.get('Content-Range')?.split('/')[1] ?? headers.get('Content-Length')
  if (total && total !== '*') headers.set('ETag', etagFor(total))
  headers.set('Cache-Control', 'no-cache')
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

/**
 * Runs after Payload's access check: a matching `If-None-Match` gets a 304 instead of the file.
 * The size is read where the file is kept, on the disk or in the bucket (lib/uploads/fileStore.ts).
 *
 * A visitor reaches this only for a name a public record holds (read access looks it up); staff
 * may read every name, so for them a name with no stored file is a 404 here, where Payload would
 * answer 500 for a file "missing on the disk".
 */
const answerNotModified = async (req: PayloadRequest, { params }: Parameters<FileHandler>[1]) => {
  const ifNoneMatch = req.headers.get('if-none-match')
  if (!ifNoneMatch && !req.user) return undefined
  const collection = req.payload.collections[params.collection as CollectionSlug]
  const size = collection ? await fileStore(collection.config)?.size(params.filename) : null
  if (size === null || size === undefined) return req.user ? fileNotFound() : undefined
  if (!ifNoneMatch?.split(',').some((tag) => tag.trim() === etagFor(size))) return undefined
  return new Response(null, {
    status: 304,
    headers: { ETag: etagFor(size), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
  })
}

// Payload serves the file itself when a handler resolves to nothing; its type does not say so.
export const notModifiedHandler = answerNotModified as FileHandler
