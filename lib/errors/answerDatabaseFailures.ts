import type { AfterErrorHook } from 'payload'

import type { RefusalCode } from '@/lib/i18n/admin/refusals'
import { voicesT } from '@/lib/refusals/translate'

import { databaseFailure } from './databaseFailure'

const answers = {
  busy: { code: 'databaseBusy', status: 503 },
  unavailable: { code: 'databaseUnavailable', status: 503 },
  full: { code: 'storageFull', status: 507 },
} as const satisfies Record<string, { code: RefusalCode; status: number }>

/** Seconds a client is asked to wait before trying again. */
const retryAfter = '30'

/**
 * When the database cannot do its part (locked, gone, read-only, full: lib/errors/
 * databaseFailure.ts) the API says so in a short message with a code, `503 Service Unavailable`
 * with `Retry-After` (or `507 Insufficient Storage` for a full disk), instead of Payload's
 * `500 Something went wrong`. Nothing was saved: the write's transaction rolled back. The next
 * request tries the database again, so service resumes by itself once it is back.
 * GraphQL answers with HTTP 200 as always; the error carries the same message, code and status.
 */
export const answerDatabaseFailures: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const failure = databaseFailure((error as { originalError?: unknown }).originalError ?? error)
  if (!failure) return
  const { code, status } = answers[failure]
  const message = voicesT(req)(`voices:refusals:${code}`)
  if (status === 503) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', retryAfter)
  }
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, statusCode: status, data: { code } },
      },
    }
  }
  return { status, response: { errors: [{ name: 'DatabaseUnavailable', message, data: { code } }] } }
}
