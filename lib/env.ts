import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { weakSecret } from '@/lib/settings/productionRules.mjs'

/**
 * Runtime settings read from the environment. Every default is chosen so that a fresh clone
 * runs with no configuration at all; production deployments set the variables in `.env.example`.
 */

const isProduction = process.env.NODE_ENV === 'production'
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'

/** Folder for the embedded database, uploads and the development secret. */
export function dataDir(): string {
  return path.resolve(process.cwd(), process.env.VOICES_DATA_DIR || 'data')
}

/** `mongodb://` / `mongodb+srv://` selects MongoDB; anything else is a libSQL URL. */
export function databaseUri(): string {
  const configured = process.env.DATABASE_URI?.trim()
  if (configured) return configured
  return `file:${path.join(dataDir(), 'voices.db')}`
}

export function isMongoUri(uri: string): boolean {
  return /^mongodb(\+srv)?:\/\//i.test(uri)
}

/**
 * The public origin, e.g. https://voices.example.org. Left empty by default so that upload
 * URLs stay relative and work on whatever host and port the server runs.
 */
export function serverUrl(): string {
  return (process.env.NEXT_PUBLIC_SERVER_URL?.trim() ?? '').replace(/\/+$/, '')
}

/**
 * Production must be given PAYLOAD_SECRET: a guessable secret would let anyone forge an
 * admin session. In development a random secret is generated once and kept in the data
 * folder, so sessions survive restarts without anyone having to invent one.
 */
export function payloadSecret(): string {
  const configured = process.env.PAYLOAD_SECRET?.trim()
  if (isBuildPhase) return configured || crypto.randomBytes(32).toString('hex')
  if (isProduction) {
    const problem = weakSecret(configured)
    if (problem)
      throw new Error(`PAYLOAD_SECRET ${problem}. Production needs a long random one, e.g. \`openssl rand -hex 32\`.`)
  }
  if (configured) return configured
  const file = path.join(dataDir(), '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = crypto.randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

/**
 * How often the job runner looks for due jobs (scheduled publishing, the consent check), as a
 * cron expression; six fields count seconds. Every minute by default, so a story scheduled for
 * 09:00 is live by 09:01.
 */
export function jobsCron(): string {
  return process.env.VOICES_JOBS_CRON?.trim() || '* * * * *'
}

/**
 * When untitled drafts nobody wrote in are removed (lib/workflow/blankDrafts.ts), as a cron
 * expression: hourly by default. Only drafts older than an hour qualify, whenever it runs.
 */
export function blankDraftsCron(): string {
  return process.env.VOICES_BLANK_DRAFTS_CRON?.trim() || '17 * * * *'
}
