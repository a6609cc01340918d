import fs from 'node:fs'
import * as tar from 'tar'

import { BackupError } from './BackupError'

/** Unpacks plain files and folders only; the archive was authenticated before this runs. */
export async function unpack(file: string, tree: string): Promise<void> {
  fs.mkdirSync(tree)
  const refused: string[] = []
  await tar.x({
    file,
    cwd: tree,
    strict: true,
    preserveOwner: false,
    filter: (entryPath, entry) => {
      const type = 'type' in entry ? entry.type : 'File'
      if (type === 'File' || type === 'Directory') return true
      refused.push(entryPath)
      return false
    },
  })
  if (refused.length > 0) {
    throw new BackupError(`The archive holds ${refused[0]}, which is not a plain file. Nothing was changed.`)
  }
}
