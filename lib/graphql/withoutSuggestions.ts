/**
 * GraphQL answers a misspelt field with `Did you mean "legalName"?`, naming fields of the schema
 * to anyone who asks, even with introspection off: a visitor could learn which private fields
 * exist on participants by guessing near them. In production the suggestion is cut from every
 * error message; the error itself stays.
 */
const suggestion = /\s*Did you mean [^?]*\?/g

export function stripSuggestions(body: string): string {
  if (!body.includes('Did you mean')) return body
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ message?: unknown }> }
    for (const error of parsed.errors ?? []) {
      if (typeof error.message === 'string') error.message = error.message.replace(suggestion, '')
    }
    return JSON.stringify(parsed)
  } catch {
    return body.replace(suggestion, '')
  }
}

type Handler = (request: Request) => Promise<Response>

export function withoutSuggestions(handler: Handler): Handler {
  if (process.env.NODE_ENV !== 'production') return handler
  return async (request) => {
    const response = await handler(request)
    const body = stripSuggestions(await response.text())
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    return new Response(body, { status: response.status, statusText: response.statusText, headers })
  }
}
