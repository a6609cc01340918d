import type { AfterErrorHook } from 'payload'

import { voicesT } from '@/lib/refusals/translate'

/**
 * The SQL adapter cannot filter some fields some ways (a relationship to more than one
 * collection, compared with a bare value), and says so with a `500 Not supported`. A file URL's
 * `?prefix=` makes Payload filter uploads by a `prefix` field Voices does not have (it keeps no
 * prefixes), which the adapter answers with a 500 too. Both are the client's question, not the
 * server's fault: `400 malformedQuery`, as for any other query Voices cannot answer, and
 * nothing was read.
 */
const missingPath = /^Cannot find field for path at (\S+)$/
export const answerUnsupportedQueries: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const cause = ((error as { originalError?: unknown }).originalError ?? error) as {
    message?: unknown
    status?: unknown
  }
  if ((cause.status ?? 500) !== 500 || typeof cause.message !== 'string') return
  const path = missingPath.exec(cause.message)?.[1]
  if (cause.message !== 'Not supported' && !path) return
  const code = 'malformedQuery'
  const message = voicesT(req)(`voices:refusals:${code}`, { param: path === 'prefix' ? 'prefix' : 'where' })
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, statusCode: 400, data: { code } },
      },
    }
  }
  return { status: 400, response: { errors: [{ name: 'Refusal', message, data: { code } }] } }
}
