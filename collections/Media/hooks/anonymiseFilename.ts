import type { CollectionBeforeOperationHook } from 'payload'

import crypto from 'node:crypto'
import path from 'node:path'

/**
 * Uploaded files are stored and served under a random name. Phone photos arrive named after
 * people and places ("dana-at-home.jpg"); the public URL must never repeat that.
 */
export const anonymiseFilename: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'create' || operation === 'update') && req.file?.name) {
    const extension = path
      .extname(req.file.name)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
    req.file.name = `${crypto.randomUUID()}${extension}`
  }
  return args
}
