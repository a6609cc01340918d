import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dataDir } from '@/lib/env'

/**
 * The machine, and on Linux the process-id namespace, a process id belongs to: containers that
 * share a host name (host networking) still number their processes each on their own.
 */
function processSpace(): string {
  let namespace = ''
  try {
    namespace = fs.readlinkSync('/proc/self/ns/pid')
  } catch {
    // Not Linux: the host name alone.
  }
  return namespace ? `${os.hostname()} ${namespace}` : os.hostname()
}

/**
 * Which process is storing which upload. Files without a record are removed only once ten
 * minutes old (./orphanFiles.ts), because another process may be storing them right now. An
 * upload therefore leaves a claim in the data folder, naming its process and its files, for as
 * long as its files are written and its record is not committed; once that process has ended, a
 * claim it left says for certain that its files were cut off, and they go at the next start,
 * whatever their age.
 *
 * A process is judged only on its own machine and among its own process ids (the host name and
 * the process-id namespace): a process id means nothing on another machine, or in another
 * container sharing the folder, and their claims wait for the ten minutes. The boot id tells a
 * restarted server that was given its predecessor's process id (as in a container) from that
 * predecessor.
 */
const thisProcess = { space: processSpace(), pid: process.pid, boot: crypto.randomUUID() }

type Claim = typeof thisProcess & { where: string; names: string[] }

const PART = '.part'
/** A claim still being written this long after it was started was cut off with its process. */
const PART_ABANDONED_MS = 60_000

const claimsFolder = () => path.join(dataDir(), 'uploads-under-way')

/** Leaves a claim on files about to be written to `where`; the function returned takes it back. */
export async function claimUpload(where: string, names: string[]): Promise<() => Promise<void>> {
  const folder = claimsFolder()
  await fs.promises.mkdir(folder, { recursive: true })
  const file = path.join(folder, `${thisProcess.boot}-${crypto.randomUUID()}.json`)
  const claim: Claim = { ...thisProcess, where, names }
  // Whole or not there: a claim read while it is being written must not look like litter.
  await fs.promises.writeFile(`${file}${PART}`, JSON.stringify(claim))
  await fs.promises.rename(`${file}${PART}`, file)
  return () => fs.promises.rm(file, { force: true })
}

function hasEnded(claim: Claim): boolean {
  if (claim.space !== thisProcess.space) return false
  if (claim.pid === thisProcess.pid) return claim.boot !== thisProcess.boot
  try {
    process.kill(claim.pid, 0)
    return false
  } catch (error) {
    // EPERM: a process of another user lives under that id; it may be the one.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function readClaim(file: string): Claim | null {
  try {
    const claim = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Claim>
    const whole =
      typeof claim.space === 'string' &&
      Number.isInteger(claim.pid) &&
      typeof claim.boot === 'string' &&
      typeof claim.where === 'string' &&
      Array.isArray(claim.names)
    return whole ? (claim as Claim) : null
  } catch {
    // Gone since the folder was read (its upload was committed), or not a claim at all.
    return null
  }
}

export type EndedClaims = {
  /** Whether a file of `where` was claimed by an upload whose process has ended. */
  cutOff(where: string, name: string): boolean
  /** Takes back the ended claims on `where`, once its files have been dealt with. */
  settle(where: string): Promise<void>
}

/** The claims left by processes that have ended, on this machine. */
export function endedClaims(): EndedClaims {
  const folder = claimsFolder()
  let files: string[] = []
  try {
    files = fs.readdirSync(folder).map((name) => path.join(folder, name))
  } catch {
    // No claims folder yet, or none that can be read: no upload is known to be cut off.
  }
  const ended: Array<{ file: string; claim: Claim | null }> = []
  for (const file of files) {
    if (file.endsWith(PART)) {
      const started = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs
      if (started !== undefined && Date.now() - started > PART_ABANDONED_MS) ended.push({ file, claim: null })
      continue
    }
    const claim = readClaim(file)
    if (!claim || hasEnded(claim)) ended.push({ file, claim })
  }
  return {
    cutOff: (where, name) => ended.some(({ claim }) => claim?.where === where && claim.names.includes(name)),
    settle: async (where) => {
      for (const { file, claim } of ended) {
        if (!claim || claim.where === where) await fs.promises.rm(file, { force: true })
      }
    },
  }
}
