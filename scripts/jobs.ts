/**
 * The jobs worker, for running scheduled publishing and the nightly consent check outside the
 * web server (set VOICES_RUN_JOBS=false on the server, and VOICES_INTERNAL_URL here so that the
 * worker can ask the server to refresh the public pages a job changed).
 *
 *   npm run jobs              keep running; look for due jobs on VOICES_JOBS_CRON (every minute)
 *   npm run jobs -- --once    run whatever is due now, then exit
 */
import nextEnv from '@next/env'

// As in the seed script: keep Node alive while TypeScript modules load off-thread.
const keepAlive = setInterval(() => undefined, 60_000)

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { Cron } = await import('croner')
const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { jobsCron } = await import('@/lib/env')

const args = process.argv.slice(2)
if (args.some((arg) => arg !== '--once')) {
  console.error(`Usage: npm run jobs [-- --once]  (got: ${args.join(' ')})`)
  process.exit(2)
}

// The web server's rules: a worker with a bad setting stops here, naming it.
const { checkSettings } = await import('@/lib/settings/checkSettings.mjs')
const { problems } = checkSettings(process.env, { production: process.env.NODE_ENV === 'production' })
if (problems.length) {
  for (const problem of problems) console.error(`Voices jobs cannot start: ${problem}`)
  process.exit(1)
}

const payload = await getPayload({ config })

/** Queues what the schedules say is due (the nightly consent check), then runs every due job. */
async function runDueJobs(): Promise<void> {
  await payload.jobs.handleSchedules({ allQueues: true })
  const result = await payload.jobs.run({ allQueues: true })
  const ran = Object.keys(result.jobStatus ?? {}).length
  if (ran > 0) payload.logger.info({ msg: `Voices jobs: ran ${ran} job(s)`, status: result.jobStatus })
}

if (args.includes('--once')) {
  await runDueJobs()
  // Revalidation requests to the web server are sent once each job's transaction commits.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  process.exit(0)
}

payload.logger.info(`Voices jobs: looking for due jobs on "${jobsCron()}"`)
clearInterval(keepAlive)
// `protect` skips a tick while the previous run is still going, so no job runs twice at once.
new Cron(jobsCron(), { protect: true }, () =>
  runDueJobs().catch((error: unknown) => payload.logger.error({ msg: 'Voices jobs: a run failed', err: error })),
)
