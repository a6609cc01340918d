import { scrubMessage, scrubText } from './scrubText.mjs'

/**
 * How an error is logged: what it is, its message and where it was thrown, and nothing it
 * carries. Errors carry the data they failed on: Payload's validation errors the document's
 * fields, Drizzle's the statement's values, MongoDB's the duplicate key, nodemailer's the
 * envelope and the server's answer (recipients), GraphQL's the query text. pino's own error
 * serializer writes every such property; this one keeps a short list of plain facts.
 */
const plainFacts = ['code', 'errno', 'syscall', 'status', 'statusCode', 'responseCode', 'digest']

/** @param {unknown} error */
export function safeError(error, depth = 0) {
  if (error === null || typeof error !== 'object') return { type: typeof error, message: scrubMessage(String(error)) }
  const raw = typeof error.message === 'string' ? error.message : ''
  const message = scrubMessage(raw)
  const type = typeof error.name === 'string' ? error.name : (error.constructor?.name ?? 'Error')
  const safe = { type, message }
  // The stack begins with the message, values and all: it is written again from the message
  // kept and the frames.
  const frames = typeof error.stack === 'string' ? error.stack.match(/\n\s+at [\s\S]*$/)?.[0] : undefined
  if (frames) safe.stack = `${type}: ${message}${scrubText(frames)}`
  for (const fact of plainFacts) {
    const value = error[fact]
    if (typeof value === 'number') safe[fact] = value
    else if (typeof value === 'string' && value.length <= 100) safe[fact] = scrubText(value)
  }
  // A validation error says which fields were refused; what was typed in them stays out.
  const refused = error.data?.errors
  if (Array.isArray(refused)) {
    safe.fields = refused.map((problem) => problem?.path ?? problem?.field).filter((path) => typeof path === 'string')
  }
  if (depth < 3) {
    if (error.cause != null && error.cause !== error) safe.cause = safeError(error.cause, depth + 1)
    // GraphQL wraps the error a resolver threw.
    if (error.originalError && error.originalError !== error) {
      safe.originalError = safeError(error.originalError, depth + 1)
    }
    if (error instanceof AggregateError && Array.isArray(error.errors)) {
      safe.errors = error.errors.slice(0, 10).map((inner) => safeError(inner, depth + 1))
    }
  }
  return safe
}

/**
 * A job as Payload logs it when a task fails: which job and how often it was tried. Its input
 * (a queued e-mail: recipient, subject and text) and its log stay out.
 * @param {unknown} job
 */
export function safeJob(job) {
  if (job === null || typeof job !== 'object') return job
  const { id, taskSlug, workflowSlug, queue, totalTried } = job
  return { id, taskSlug, workflowSlug, queue, totalTried }
}
