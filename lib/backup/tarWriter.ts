import crypto from 'node:crypto'
import fs from 'node:fs'
import { Header, Pax, type HeaderData } from 'tar'

import { BackupError } from './BackupError'

export type ArchivedFile = { path: string; size: number; sha256: string }

const block = 512

/**
 * Writes a POSIX tar of `files` (archive path → file on disk), reading each file exactly once:
 * the checksum in `archived` is that of the very bytes that went into the tar, even if the file
 * changed a moment later. Entries are written in order; `last` comes after all files, so it can
 * hold what was learned while writing them (the manifest).
 */
export async function* tarWriter(
  files: Array<{ path: string; source: string }>,
  archived: ArchivedFile[],
  last: () => { path: string; content: Buffer },
): AsyncGenerator<Buffer> {
  for (const file of files) {
    const stat = await fs.promises.stat(file.source)
    yield* entryHeader({ path: file.path, size: stat.size, mode: stat.mode & 0o777, mtime: stat.mtime })
    const hash = crypto.createHash('sha256')
    let read = 0
    if (stat.size > 0) {
      for await (const chunk of fs.createReadStream(file.source, { end: stat.size - 1 }) as AsyncIterable<Buffer>) {
        hash.update(chunk)
        read += chunk.length
        yield chunk
      }
    }
    if (read !== stat.size) {
      throw new BackupError(`${file.path} changed size while it was being backed up. Run the backup again.`)
    }
    yield* padding(read)
    archived.push({ path: file.path, size: read, sha256: hash.digest('hex') })
  }
  const { path, content } = last()
  yield* entryHeader({ path, size: content.length, mode: 0o600, mtime: new Date() })
  yield content
  yield* padding(content.length)
  // A tar ends with two empty blocks.
  yield Buffer.alloc(block * 2)
}

function* entryHeader(data: HeaderData): Generator<Buffer> {
  const header = new Header({ ...data, type: 'File', uid: 0, gid: 0 })
  // Paths too long for the classic header go in a PAX extended header before it.
  if (header.encode()) yield new Pax(data).encode()
  yield header.block!
}

function* padding(size: number): Generator<Buffer> {
  const rest = size % block
  if (rest > 0) yield Buffer.alloc(block - rest)
}
