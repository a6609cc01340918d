import type { Payload, SanitizedConfig } from 'payload'

import { BackupError } from '@/lib/backup/BackupError'
import { databaseProblem } from '@/lib/startup/databaseProblem'

/**
 * The config for a transfer, on `databaseUri` and with `dataDir` as its data folder, running no
 * jobs: the settings are read when the config loads, so this must run before anything imports
 * it. The data folder matters because Payload removes, as it starts, upload files that no record
 * names (lib/uploads/orphanFiles.ts): an export reads a snapshot older than the live folder, so
 * it boots on a folder of its own and never on the live one.
 */
export async function transferConfig(options: { databaseUri: string; dataDir: string }): Promise<SanitizedConfig> {
  process.env.DATABASE_URI = options.databaseUri
  process.env.VOICES_DATA_DIR = options.dataDir
  process.env.VOICES_RUN_JOBS = 'false'
  const { default: config } = await import('@payload-config')
  return config
}

/**
 * Connects to the database the config names (creating a new SQLite file's tables). A database it
 * cannot use is a refusal told in one line naming the setting (lib/startup/databaseProblem.ts).
 */
export async function bootPayload(config: SanitizedConfig): Promise<Payload> {
  const { getPayload } = await import('payload')
  try {
    return await getPayload({ config })
  } catch (error) {
    const problem = databaseProblem(error)
    throw problem ? new BackupError(problem) : error
  }
}
