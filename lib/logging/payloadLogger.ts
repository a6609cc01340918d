import { type Config, defaultLoggerOptions as readableOutput } from 'payload'

import { loggerOptions } from './loggerOptions.mjs'

type LoggerSetting = Extract<Config['logger'], { options: unknown }>

/**
 * Payload's logger. In production (the server, the jobs worker, the seed script) it writes the
 * JSON lines of ./loggerOptions.mjs to standard output, where the server's own lines go too:
 * Node writes there synchronously (files, pipes and terminals alike), so lines never interleave.
 * In development and tests Payload keeps its readable coloured output, with the same care for
 * what an error or a document may print.
 */
export function payloadLogger(): LoggerSetting {
  const options = loggerOptions() as LoggerSetting['options'] & Record<string, unknown>
  if (process.env.NODE_ENV === 'production') return { options, destination: process.stdout }
  const { formatters: _formatters, timestamp: _timestamp, ...careful } = options
  return { options: careful, destination: readableOutput }
}
