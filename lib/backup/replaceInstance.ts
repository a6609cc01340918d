import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './BackupError'
import { archiveNames, backedUpFiles, backedUpFolders } from './contents'

/** SQLite's companions of a database file: a stale WAL beside a new database would corrupt it. */
const databaseCompanions = ['', '-wal', '-shm', '-journal']

/**
 * Puts a verified, unpacked archive in place of the instance: first everything a backup holds is
 * moved aside (into `aside`, in the data folder, and beside the database file), then the
 * archive's files are moved in. Every step is a rename; if one fails, the steps taken are undone
 * in reverse, so the instance is either the old one or the restored one. What was moved aside is
 * deleted at the end.
 */
export function replaceInstance(options: { root: string; database: string; tree: string; aside: string }): void {
  const { root, database, tree, aside } = options
  const suffix = path.basename(aside)
  const done: Array<{ from: string; to: string }> = []
  const move = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(to), { recursive: true })
    moveAcross(from, to)
    done.push({ from, to })
  }
  const asideOfDatabase: string[] = []
  try {
    for (const name of [...backedUpFolders, ...backedUpFiles]) {
      if (fs.existsSync(path.join(root, name))) move(path.join(root, name), path.join(aside, name))
    }
    for (const companion of databaseCompanions) {
      const file = `${database}${companion}`
      if (!fs.existsSync(file)) continue
      asideOfDatabase.push(`${file}.${suffix}`)
      move(file, `${file}.${suffix}`)
    }
    for (const name of [...backedUpFolders, ...backedUpFiles]) {
      if (fs.existsSync(path.join(tree, name))) move(path.join(tree, name), path.join(root, name))
    }
    move(path.join(tree, archiveNames.database), database)
  } catch (error) {
    const notUndone = done.reverse().filter(({ from, to }) => {
      try {
        moveAcross(to, from)
        return false
      } catch {
        return true
      }
    })
    if (notUndone.length === 0) throw error
    throw new BackupError(
      `Restoring failed (${String(error)}), and putting the instance back failed too: move ` +
        notUndone.map(({ from, to }) => `${to} back to ${from}`).join(', ') +
        ' by hand.',
    )
  }
  for (const file of asideOfDatabase) fs.rmSync(file, { force: true })
  fs.rmSync(aside, { recursive: true, force: true })
}

/** A rename; a file going to another file system (DATABASE_URI elsewhere) is copied, then renamed. */
function moveAcross(from: string, to: string): void {
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV' || !fs.statSync(from).isFile()) throw error
    const copy = `${to}.partial`
    fs.copyFileSync(from, copy)
    fs.renameSync(copy, to)
    fs.rmSync(from)
  }
}
