/**
 * Demo content for Voices.
 *
 *   npm run seed               seed an empty database (refuses to touch one with content)
 *   npm run seed -- --if-empty seed only when the database is empty, otherwise just say so
 *   npm run seed -- --reset    delete everything and seed again
 */
import nextEnv from '@next/env'

// Module loading (TypeScript through an off-thread loader) and database start-up can leave
// nothing on the event loop for a moment; this keeps Node from exiting in the middle of a run.
// The script always ends with process.exit.
setInterval(() => undefined, 60_000)

// Read .env files the way Next.js does, before the config (which reads the environment) loads.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { default: config } = await import('@payload-config')
const { bootScriptPayload } = await import('@/lib/startup/scriptPayload')
const { demoAdminLogin, rememberedLogin, rememberLogin } = await import('@/lib/adminLogin')
const { serverUrl } = await import('@/lib/env')
const { isDatabaseEmpty, resetDatabase, seed } = await import('@/seed')

const args = new Set(process.argv.slice(2))
const known = new Set(['--reset', '--if-empty'])
const unknown = [...args].filter((arg) => !known.has(arg))
if (unknown.length > 0 || (args.has('--reset') && args.has('--if-empty'))) {
  console.error(`Usage: npm run seed [-- --if-empty | -- --reset]  (got: ${[...args].join(' ')})`)
  process.exit(2)
}

const payload = await bootScriptPayload('seed', config)
const adminUrl = `${serverUrl() || `http://localhost:${process.env.PORT || 3000}`}/admin`

try {
  const empty = await isDatabaseEmpty(payload)
  if (!empty && !args.has('--reset')) {
    const login = rememberedLogin()
    console.log(`\nVoices: the database already has content, so the demo content was not seeded.`)
    if (login) console.log(`Admin: ${adminUrl}  login ${login.email} / ${login.password}`)
    console.log(`Run \`npm run seed -- --reset\` to delete everything and seed it again.\n`)
    process.exit(args.has('--if-empty') ? 0 : 1)
  }
  if (args.has('--reset')) {
    console.log('Voices: deleting all content before seeding again…')
    await resetDatabase(payload)
  }
  const login = demoAdminLogin()
  const summary = await seed(payload, login)
  rememberLogin(login)
  console.log(
    `\nVoices: seeded ${summary.programs} program, ${summary.leaders} leaders, ${summary.participants} participants, ${summary.stories} stories and ${summary.media} images.`,
  )
  console.log(`Admin: ${adminUrl}  login ${login.email} / ${login.password}\n`)
} catch (error) {
  console.error('Voices: seeding failed; removing the partial demo content so the next run starts clean.')
  console.error(error)
  // Only reached when the database was empty or a reset was asked for, so nothing else is lost.
  await resetDatabase(payload).catch((cleanupError: unknown) => console.error(cleanupError))
  process.exit(1)
}
process.exit(0)
