import { getPayload } from 'payload'

import { removeOrphanFiles } from '@/lib/uploads/orphanFiles'

import { databaseProblem, redacted } from './databaseProblem'

/**
 * Boots Payload for the server that is starting (see instrumentation.ts); routes then find the
 * same instance. A failure is told in one line, as an operator would need it (a database problem
 * names the setting to look at, lib/startup/databaseProblem.ts), and stops the process: a server
 * that cannot reach its data or sign sessions must not look healthy. Uploaded files no record
 * refers to (left by a server killed mid-upload) are removed before the first request.
 */
export async function startVoices(): Promise<void> {
  try {
    const { default: config } = await import('@payload-config')
    const payload = await getPayload({ config })
    // Before any upload can begin: files an upload cut off by a crash had written.
    await removeOrphanFiles(payload)
  } catch (error) {
    const message = databaseProblem(error) ?? redacted(error instanceof Error ? error.message : String(error))
    console.error(`Voices cannot start: ${message}`)
    process.exit(1)
  }
}
