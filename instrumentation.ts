/**
 * Runs once as the server starts, before it answers anyone. Booting Payload here means:
 * - a bad setting (a missing or weak PAYLOAD_SECRET, a database that cannot be opened) stops the
 *   server at once with a message naming it, instead of failing the first visitor's request;
 * - the committed migrations run before the first request;
 * - the jobs queue (scheduled publishing, consent expiry, mail) starts with the server, so a
 *   scheduled story is never late because nobody happened to visit.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startVoices } = await import('@/lib/startup/startVoices')
  await startVoices()
}
