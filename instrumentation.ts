/**
 * Runs once as the server starts, before it answers anyone (lib/startup/startVoices.ts):
 * - a bad setting (a missing or weak PAYLOAD_SECRET, a database that cannot be opened or written)
 *   stops the server at once with a message naming it, instead of failing the first visitor;
 * - then Payload boots at once, running the committed migrations and starting the jobs queue
 *   (scheduled publishing, consent expiry, mail), so a scheduled story is never late because
 *   nobody happened to visit.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startVoices } = await import('@/lib/startup/startVoices')
  await startVoices()
}
