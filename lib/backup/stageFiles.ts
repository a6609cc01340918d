import fs from 'node:fs'
import path from 'node:path'

import { backedUpFiles, backedUpFolders } from './contents'
import { listFiles } from './files'

/**
 * Puts every file the backup holds into `staging` (same paths), leaving out those already
 * there. Files in the folders are hard-linked: instant, no extra space, and the staged file
 * stays even if the server deletes the original a moment later. A file the server still writes
 * (a single file is rewritten in place) is copied. Where the file system has no hard links,
 * everything is copied.
 *
 * Called before and after the database snapshot. Payload writes an upload's files before its row
 * commits, so every file a row of the snapshot names existed when it was taken and is staged by
 * one pass or the other, whatever the server deletes in between. (Payload removes files just
 * before a deletion commits: a document deleted at the very moment of the snapshot comes back
 * without its files, as it would after a crash at that moment.)
 */
export function stageFiles(root: string, staging: string, staged: Set<string>, skipped: string[]): void {
  const skippedNow: string[] = []
  const single = backedUpFiles.filter((name) =>
    fs.lstatSync(path.join(root, name), { throwIfNoEntry: false })?.isFile(),
  )
  for (const relative of [...listFiles(root, backedUpFolders, skippedNow), ...single]) {
    if (staged.has(relative)) continue
    const from = path.join(root, relative)
    const to = path.join(staging, relative)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    try {
      if (single.includes(relative as (typeof single)[number])) copy(from, to)
      else linkOrCopy(from, to)
    } catch (error) {
      // Deleted since it was listed: its row, if any, was deleted before it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw error
    }
    staged.add(relative)
  }
  for (const entry of skippedNow) if (!skipped.includes(entry)) skipped.push(entry)
}

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to)
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK', 'EACCES'].includes(String((error as NodeJS.ErrnoException).code)))
      throw error
    copy(from, to)
  }
}

/** A copy with the original's modification time, which the archive keeps. */
function copy(from: string, to: string): void {
  fs.copyFileSync(from, to)
  const { atime, mtime } = fs.statSync(from)
  fs.utimesSync(to, atime, mtime)
}
