import { logLevel } from './levels.mjs'
import { currentRequestId } from './requestContext.mjs'
import { safeError, safeJob } from './safeError.mjs'
import { scrubMessage } from './scrubText.mjs'

/**
 * Keys never written, wherever they turn up in what is logged (one level deep): credentials,
 * and document data that names or describes a person. A backstop: Voices logs ids, counts and
 * paths, and errors go through ./safeError.mjs.
 */
const privateKeys = [
  'password',
  'token',
  'email',
  'legalName',
  'realName',
  'notes',
  'consent',
  'data',
  'input',
  'doc',
  'body',
]
export const redactedPaths = [
  ...privateKeys.flatMap((key) => [key, `*.${key}`]),
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
]

/** A string's values cut out (lib/logging/scrubText.mjs); an object's `msg` and other top-level strings likewise. */
function scrubArgument(argument) {
  if (typeof argument === 'string') return scrubMessage(argument)
  if (argument === null || typeof argument !== 'object' || argument instanceof Error) return argument
  const scrubbed = { ...argument }
  for (const [key, value] of Object.entries(scrubbed))
    if (typeof value === 'string') scrubbed[key] = scrubMessage(value)
  return scrubbed
}

/**
 * pino's options for every Voices log in production: the server's own lines (server/start.mjs),
 * Payload's (payload.config.ts) and the jobs worker's. One JSON object a line, with the time in
 * ISO 8601, the level by name, and `reqId` on every line written while a request is answered.
 * @param {{ level?: string, name?: string }} [options]
 */
export function loggerOptions({ level = logLevel(), name } = {}) {
  return {
    ...(name ? { name } : {}),
    level,
    mixin() {
      const reqId = currentRequestId()
      return reqId ? { reqId } : {}
    },
    serializers: { err: safeError, error: safeError, job: safeJob },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    hooks: {
      logMethod(args, write) {
        const [first, ...rest] = args
        if (first === null || typeof first !== 'object') return write.apply(this, args.map(scrubArgument))
        // An error logged on its own (`logger.error(err)`, or `{ err }` as Payload logs) would
        // have pino copy its raw message into `msg`, values and all: the message safeError keeps.
        const fields = first instanceof Error ? { err: first } : scrubArgument(first)
        const error = fields.err ?? fields.error
        if (rest[0] === undefined && fields.msg === undefined && error && typeof error === 'object') {
          return write.apply(this, [fields, safeError(error).message, ...rest.slice(1).map(scrubArgument)])
        }
        return write.apply(this, [fields, ...rest.map(scrubArgument)])
      },
    },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  }
}
