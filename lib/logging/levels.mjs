/**
 * How much the production server and the jobs worker log: `VOICES_LOG_LEVEL`, one of pino's
 * levels (`silent` logs nothing). Checked with every other setting (lib/settings/schema.mjs).
 */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** The level the environment asks for, or `info`. */
export function logLevel(env = process.env) {
  const asked = env.VOICES_LOG_LEVEL?.trim().toLowerCase()
  return asked && logLevels.includes(asked) ? asked : 'info'
}
