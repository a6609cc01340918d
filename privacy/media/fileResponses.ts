import type { PayloadRequest, UploadConfig } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * How media files are served. A file's URL never changes content (every upload gets a new random
 * name), so its size is a sound validator. Every response says `no-cache`: browsers and any
 * shared cache may keep a copy but must ask again before each use, and each time Payload checks
 * read access first, so a photo that stops being public (consent withdrawn, story unpublished)
 * stops being served at once instead of living on in caches. The answer to a repeat visit is a
 * bodiless 304.
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

/** Runs after Payload's access check: a matching `If-None-Match` gets a 304 instead of the file. */
export function notModifiedHandler(staticDir: string): FileHandler {
  const handler = async (req: PayloadRequest, { params }: { params: { filename: string } }) => {
    const ifNoneMatch = req.headers.get('if-none-match')
    if (!ifNoneMatch) return undefined
    const resolved = path.resolve(staticDir, params.filename)
    if (!resolved.startsWith(path.resolve(staticDir) + path.sep)) return undefined
    const stats = await fs.stat(resolved).catch(() => null)
    if (!stats || !ifNoneMatch.split(',').some((tag) => tag.trim() === etagFor(stats.size))) return undefined
    return new Response(null, {
      status: 304,
      headers: { ETag: etagFor(stats.size), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
    })
  }
  // Payload serves the file itself when a handler resolves to nothing; its type does not say so.
  return handler as unknown as FileHandler
}
