import type { AfterErrorHook } from 'payload'

import { voicesT } from '@/lib/refusals/translate'

/**
 * The SQL adapter cannot filter some fields some ways (a relationship to more than one
 * collection, compared with a bare value), and says so with a `500 Not supported`. That is the
 * client's question, not the server's fault: `400 malformedQuery`, as for any other `where`
 * Voices cannot answer, and nothing was read.
 */
export const answerUnsupportedQueries: AfterErrorHook = ({ error, req, graphqlResult }) => {
  const cause = ((error as { originalError?: unknown }).originalError ?? error) as {
    message?: unknown
    status?: unknown
  }
  if (cause.message !== 'Not supported' || (cause.status ?? 500) !== 500) return
  const code = 'malformedQuery'
  const message = voicesT(req)(`voices:refusals:${code}`, { param: 'where' })
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
