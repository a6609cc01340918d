import { getPayload } from 'payload'

/**
 * Boots Payload for the server that is starting (see instrumentation.ts); routes then find the
 * same instance. A failure is told in one line, as an operator would need it, and stops the
 * process: a server that cannot reach its data or sign sessions must not look healthy.
 */
export async function startVoices(): Promise<void> {
  try {
    const { default: config } = await import('@payload-config')
    await getPayload({ config })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`Voices cannot start: ${message}`)
    process.exit(1)
  }
}
