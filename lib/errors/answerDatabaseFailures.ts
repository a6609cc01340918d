import type { AfterErrorHook } from 'payload'

import type { RefusalCode } from '@/lib/i18n/admin/refusals'
import { voicesT } from '@/lib/refusals/translate'

import { databaseFailure, type DatabaseFailure } from './databaseFailure'

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
export const answerDatabaseFailures: AfterErrorHook = async ({ error, req, graphqlResult }) => {
  const cause = (error as { originalError?: unknown }).originalError ?? error
  const failure = databaseFailure(cause) ?? (await failureBehind(cause, req.payload))
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

/**
 * Payload turns some database failures into other answers on the way: a session that cannot be
 * looked up becomes "not signed in", so an editor's save during an outage would be refused as
 * forbidden. When a request is refused that way, or fails without saying why, and the database
 * does not answer a trivial read right now, the database is the reason.
 */
async function failureBehind(error: unknown, payload: Parameters<AfterErrorHook>[0]['req']['payload']) {
  const status = (error as { status?: unknown }).status
  if (![401, 403, 404, 500, undefined].includes(status as number | undefined)) return null
  if (payload.db.name !== 'sqlite') return null
  try {
    await (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }).client.execute(
      'SELECT 1',
    )
    return null
  } catch (probe) {
    return databaseFailure(probe) as DatabaseFailure | null
  }
}
