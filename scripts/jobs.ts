/**
 * The jobs worker, for running scheduled publishing and the nightly consent check outside the
 * web server (set VOICES_RUN_JOBS=false on the server, and VOICES_INTERNAL_URL here so that the
 * worker can ask the server to refresh the public pages a job changed). Run as many as you like:
 * each job is taken by one of them only, and the jobs of one that dies are run by the others once
 * its lease has run out (lib/jobs/runOnce.ts).
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
const { bootScriptPayload } = await import('@/lib/startup/scriptPayload')
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

const payload = await bootScriptPayload('jobs', config)

/** Queues what the schedules say is due (the nightly consent check), then runs every due job. */
async function runDueJobs(): Promise<void> {
  await payload.jobs.handleSchedules({ allQueues: true })
  // Ten at a time (Payload's default), until a run finds none left to take.
  for (;;) {
    const result = await payload.jobs.run({ allQueues: true })
    const ran = Object.keys(result.jobStatus ?? {}).length
    if (ran === 0) return
    payload.logger.info({ msg: `Voices jobs: ran ${ran} job(s)`, status: result.jobStatus })
  }
}

if (args.includes('--once')) {
  await runDueJobs()
  // Revalidation requests to the web server are sent once each job's transaction commits.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  process.exit(0)
}

payload.logger.info(`Voices jobs: looking for due jobs on "${jobsCron()}"`)
clearInterval(keepAlive)
let running: Promise<void> | null = null
// `protect` skips a tick while the previous run is still going.
const cron = new Cron(jobsCron(), { protect: true }, () => {
  running = runDueJobs()
    .catch((error: unknown) => payload.logger.error({ msg: 'Voices jobs: a run failed', err: error }))
    .finally(() => (running = null))
  return running
})

// Stopping (`docker stop`, Ctrl-C): take no more jobs and finish those under way. A job still
// running when the process is killed after all is run again by another worker once its lease runs out.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    cron.stop()
    payload.logger.info(`Voices jobs: ${signal}, finishing the jobs under way`)
    void Promise.resolve(running).finally(() => process.exit(0))
  })
}
