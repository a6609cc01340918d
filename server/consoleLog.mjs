import { format, stripVTControlCharacters } from 'node:util'

/**
 * What Next.js, and Voices' own code, print on the console goes into the log as JSON lines like
 * every other (with the request's id), not as loose text between them. An error printed goes
 * through the logger's error serializer (lib/logging/safeError.mjs), not `util.inspect`, which
 * would print everything the error carries.
 * @param {import('pino').Logger} logger
 */
export function sendConsoleToLog(logger) {
  const levels = { error: 'error', warn: 'warn', info: 'info', log: 'info', debug: 'debug' }
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const error = args.find((arg) => arg instanceof Error)
      // Without the colours Next.js gives its lines for a terminal.
      const text = stripVTControlCharacters(format(...args.filter((arg) => arg !== error))).trim()
      if (!error) return logger[level]({}, text)
      // Next.js prefixes an error with a mark (" ⨯"), which says nothing on its own.
      logger[level]({ err: error }, /[\p{L}\p{N}]/u.test(text) ? text : error.message)
    }
  }
}
