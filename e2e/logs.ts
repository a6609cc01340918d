import fs from 'node:fs'
import path from 'node:path'

import type { PrivateCollection } from '../privacy/privateData'
import { e2eDataDir } from './settings'

/**
 * Where an e2e run keeps what its servers logged: the suite's server (`server.log`, written by
 * scripts/e2e-server.mjs, which empties the folder as the run starts), the seed script
 * (`seed.log`) and the servers tests start of their own (./servers.ts). At the end of the run
 * ./privateLogCheck.ts reads them all for private values.
 */
export const e2eLogDir = path.resolve(process.env.E2E_LOG_DIR || `${e2eDataDir}-logs`)

/** The private values the specs typed in during this run, one JSON object a line. */
const typedValuesFile = path.join(e2eLogDir, 'private-values.jsonl')

/** What a private value is: the collection and the field it was typed into, e.g. `participants.legalName`. */
export type PrivateKind = `${PrivateCollection}.${string}`

export type TypedValue = { kind: PrivateKind; value: string }

/**
 * A private value a spec types in (a legal or real name, a note, the text of a consent record),
 * recorded as it is made, so that the check at the end of the run looks for it in every log,
 * even after the spec erased or overwrote it. Returns the value.
 */
export function privateValue(kind: PrivateKind, value: string): string {
  fs.mkdirSync(e2eLogDir, { recursive: true })
  fs.appendFileSync(typedValuesFile, `${JSON.stringify({ kind, value } satisfies TypedValue)}\n`)
  return value
}

/** Every private value the specs typed in during this run. */
export function typedPrivateValues(): TypedValue[] {
  if (!fs.existsSync(typedValuesFile)) return []
  return fs
    .readFileSync(typedValuesFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TypedValue)
}

let ownServers = 0

/** A new log file for a server a test starts of its own. */
export function ownServerLog(port: number): string {
  fs.mkdirSync(e2eLogDir, { recursive: true })
  ownServers += 1
  return path.join(e2eLogDir, `own-server-${port}-${process.pid}-${ownServers}.log`)
}
