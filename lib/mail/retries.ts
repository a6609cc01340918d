import type { TaskConfig } from 'payload'

/** Mail jobs run on a queue of their own, so a burst of mail never holds up scheduled publishing. */
export const mailQueue = 'mail'

/**
 * A send that fails (the server is down, refuses, times out) is tried again 5 more times, after
 * 1, 2, 4, 8 and 16 minutes. A message that still fails stays in the jobs collection with its
 * error, for an admin to see: nothing is lost.
 */
export const mailRetries: TaskConfig['retries'] = { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } }
