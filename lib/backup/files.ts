import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/**
 * Every regular file under `folders` of `root`, as paths relative to `root` with `/` between
 * parts, sorted. Folders that do not exist hold nothing; symbolic links and other special files
 * are left out (`skipped`), since a restore must only ever write plain files.
 */
export function listFiles(root: string, folders: readonly string[], skipped: string[] = []): string[] {
  const found: string[] = []
  const walk = (relative: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) found.push(child)
      else skipped.push(child)
    }
  }
  for (const folder of folders) {
    const stat = fs.lstatSync(path.join(root, folder), { throwIfNoEntry: false })
    if (stat?.isDirectory()) walk(folder)
    else if (stat) skipped.push(folder)
  }
  return found.sort()
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}
