import fs from 'node:fs'
import path from 'node:path'

/** `<prefix>-<UTC time>.tar.enc`, with `-2`, `-3`… for a second archive in the same second. */
export function archiveName(prefix: string, createdAt: Date, attempt = 0): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${prefix}-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}.tar.enc`
}

/** Gives a finished archive its name; never over an existing file (two archives in a second). */
export function publishArchive(partial: string, outDir: string, prefix: string, createdAt: Date): string {
  for (let attempt = 0; ; attempt += 1) {
    const archive = path.join(outDir, archiveName(prefix, createdAt, attempt))
    try {
      fs.linkSync(partial, archive)
      return archive
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
      // A file system without hard links (a network share): rename, having checked the name is free.
      if (fs.existsSync(archive)) continue
      fs.renameSync(partial, archive)
      return archive
    }
  }
}
