import { payloadSecret } from '@/lib/env'
import { checkSettings } from '@/lib/settings/checkSettings.mjs'

import { probeDatabase } from './probeDatabase'

function refuseToStart(reason: string): never {
  console.error(`Voices cannot start: ${reason}`)
  process.exit(1)
}

/**
 * Checks what a server needs before it answers anyone (see instrumentation.ts): every setting
 * (lib/settings), a strong PAYLOAD_SECRET in production and a database it can open and write, each refusal told in one
 * line naming the setting. Payload itself is then booted by the server's own first request,
 * made here as soon as the server listens (`/api/ready`): the routes carry their own copy of
 * Payload, so an instance booted from here would not be theirs, and its errors would not be
 * their error classes. That request runs the migrations, removes files a crash left behind
 * (`onInit`) and starts the jobs queue.
 */
export async function startVoices(): Promise<void> {
  // The production server checked them before loading Next.js; `next start` alone and
  // development are checked here, by the same rules.
  const { problems } = checkSettings(process.env, { production })
  for (const problem of problems) console.error(`Voices cannot start: ${problem}`)
  if (problems.length) process.exit(1)
  try {
    payloadSecret()
  } catch (error) {
    refuseToStart(error instanceof Error ? error.message : String(error))
  }
  const problem = await probeDatabase()
  if (problem) refuseToStart(problem)
  void warmUp()
}

const production = process.env.NODE_ENV === 'production'

async function warmUp(): Promise<void> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`
  // Development compiles the route on first use, which can take a while on a small machine.
  const deadline = Date.now() + (production ? 120_000 : 600_000)
  let last = ''
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/api/ready`, { headers: { 'x-voices-warm-up': '1' } })
      if (response.ok) return
      last = `${response.status} ${(await response.text()).slice(0, 200)}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  if (production) refuseToStart(`the server did not become ready: ${last}`)
  console.error(`Voices: the server is not ready yet (${last}); it will start on the first request.`)
}
