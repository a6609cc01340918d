import fs from 'node:fs'
import path from 'node:path'

import type { FileStore } from './fileStore'
import { isPlainName } from './plainName'

function freeBytesIn(folder: string): number {
  try {
    const stats = fs.statfsSync(folder)
    return stats.bavail * stats.bsize
  } catch {
    // A folder that does not exist yet is made by Payload on the same disk as its parent.
    const parent = path.dirname(folder)
    return parent === folder ? Number.POSITIVE_INFINITY : freeBytesIn(parent)
  }
}

/** An upload collection's folder on the local disk (its `staticDir`): plain files directly inside it. */
export function diskFiles(staticDir: string): FileStore {
  const folder = path.resolve(staticDir)
  const fileOf = (name: string) => (isPlainName(name) ? path.join(folder, name) : null)
  return {
    where: path.basename(folder),
    size: async (name) => {
      const file = fileOf(name)
      const stats = file ? await fs.promises.stat(file).catch(() => null) : null
      return stats?.isFile() ? stats.size : null
    },
    list: async () => {
      if (!fs.existsSync(folder)) return []
      return fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => ({ name: entry.name, modified: fs.statSync(path.join(folder, entry.name)).mtime }))
    },
    remove: async (names) => {
      for (const file of names.map(fileOf)) if (file) fs.rmSync(file, { force: true })
    },
    freeBytes: () => freeBytesIn(folder),
  }
}
