import type { Payload, SanitizedConfig } from 'payload'

import { databaseProblem } from './databaseProblem'

/**
 * Boots Payload for a command-line script (seed, jobs worker). A database it cannot use (a
 * folder that is not there, a file that is read-only or locked, one `npm run dev` made for a
 * production run) is told in one line naming the setting, with exit code 1, as the server tells
 * it, and not as a stack trace. Anything else is thrown as it is.
 */
export async function bootScriptPayload(
  script: string,
  config: Promise<SanitizedConfig> | SanitizedConfig,
): Promise<Payload> {
  const { getPayload } = await import('payload')
  try {
    return await getPayload({ config })
  } catch (error) {
    const problem = databaseProblem(error)
    if (!problem) throw error
    console.error(`Voices ${script} cannot start: ${problem}`)
    process.exit(1)
  }
}
