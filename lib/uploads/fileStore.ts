import type { SanitizedCollectionConfig } from 'payload'

import { bucketFiles } from './bucketFiles'
import { diskFiles } from './diskFiles'
import { objectLocation } from './objectStorage'

export type StoredFile = { name: string; modified: Date }

/**
 * The files of one upload collection where they are kept: a folder of the data folder (the
 * default) or a bucket and prefix in object storage (./objectStorage.ts). Payload and its storage
 * adapter write, serve and delete them; Voices' own handling goes through this, the same on
 * both: the ETag of a file (privacy/media/fileResponses.ts), whether an evidence file is
 * stored before a download is audited (privacy/audit/auditFileDownloads.ts), an upload stored
 * whole or not at all (./wholeUploads.ts) and files no record refers to (./orphanFiles.ts).
 */
export type FileStore = {
  /** Where the files are, for messages: a folder's name, or `<bucket>/<prefix>`. */
  where: string
  /** The stored size of a file, or null when there is none by that name. */
  size(name: string): Promise<number | null>
  /** Every file directly in the folder or under the prefix. */
  list(): Promise<StoredFile[]>
  /** Removes these files; names that are not stored are passed over. */
  remove(names: string[]): Promise<void>
  /** Bytes an upload may still take: a bucket's room is not Voices' to know. */
  freeBytes(): number
}

/** Where this upload collection keeps its files, or null for a collection without uploads. */
export function fileStore(collection: SanitizedCollectionConfig): FileStore | null {
  const location = objectLocation(collection.slug)
  if (location) return bucketFiles(location)
  const staticDir = collection.upload ? collection.upload.staticDir : undefined
  return staticDir ? diskFiles(staticDir) : null
}
