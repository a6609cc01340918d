import { readLimited } from '@/lib/http/readLimited'

import { readJsonObject } from './jsonObject'
import { type Refused, refused } from './refused'
import { describeBytes, maxFormBytes, maxJsonBytes } from './limits'
import { unknownLocaleField } from './localeParams'
import { queryProblem } from './queryParams'

const methodsWithBody = new Set(['POST', 'PATCH', 'PUT'])

/** The one endpoint that takes a plain form: the unsubscribe link's one-click POST (RFC 8058). */
const oneClickForm = /^\/api\/subscribers\/unsubscribe\/?$/

/** Payload answers a POST with this header as the GET it names, reading the query from the body. */
const readsAsGet = (request: Request) =>
  request.method === 'POST' &&
  [request.headers.get('x-payload-http-method-override'), request.headers.get('x-http-method-override')].includes('GET')

/**
 * Checks a request to Payload's REST or GraphQL route before Payload reads it, and answers what
 * Payload would otherwise answer with a 500 or quietly misread: a body too large for its kind
 * (413), one that is not the JSON or form it says it is, nests absurdly deep or names an object's
 * prototype (400), a body of another kind (415), an unknown locale in the query or a GraphQL body,
 * a malformed query string (400, lib/api/queryParams.ts). Returns the refusal, or a request
 * carrying the body already read, for Payload.
 */
export async function screenRequest(request: Request, { graphql = false } = {}): Promise<Refused | Request> {
  const params = new URL(request.url).searchParams
  const query = queryProblem(params)
  if (query) return queryRefusal(query)
  // Every language at once is a way to read; a write (or a duplicate) is in one language.
  if (request.method !== 'GET' && !readsAsGet(request) && params.get('locale') === 'all') {
    return refused('malformedQuery', 400, { param: 'locale' })
  }
  if (!methodsWithBody.has(request.method) || !request.body) return request

  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
  const isForm = type.startsWith('multipart/')
  const limit = isForm ? maxFormBytes : maxJsonBytes
  const bytes = await readLimited(request, limit)
  if (bytes === null) return refused('bodyTooLarge', 413, { limit: describeBytes(limit) })
  const forward = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes.byteLength > 0 ? bytes : null,
    signal: request.signal,
  })
  if (bytes.byteLength === 0) return forward

  if (type === 'application/json') {
    const body = readJsonObject(bytes)
    if ('code' in body) return body
    // GraphQL and reads sent as POST take their locale from the body as well.
    const problem = graphql || readsAsGet(request) ? unknownLocaleField(body.value) : null
    if (problem) return refused('unknownLocale', 400, { ...problem })
    return forward
  }
  if (isForm) return (await formProblem(forward.clone())) ?? forward
  if (type === 'application/x-www-form-urlencoded') {
    // One-click unsubscribe (RFC 8058) posts a form like this; a read sent as POST carries its query.
    if (readsAsGet(request)) {
      const problem = queryProblem(new URLSearchParams(new TextDecoder().decode(bytes)))
      return problem ? queryRefusal(problem) : forward
    }
    // Payload reads no document from such a form: a write sent as one reached the hooks with
    // no data at all.
    return oneClickForm.test(new URL(request.url).pathname) ? forward : refused('unsupportedBody', 415)
  }
  return refused('unsupportedBody', 415)
}

function queryRefusal(problem: NonNullable<ReturnType<typeof queryProblem>>): Refused {
  return problem.kind === 'locale'
    ? refused('unknownLocale', 400, { ...problem.locale })
    : refused('malformedQuery', 400, { param: problem.param })
}

/** C0 controls and DEL: Payload's own form reader fails on them in a part's name or file name. */
const controlCharacter = /[\u0000-\u001f\u007f]/

/**
 * A form Payload can read: a boundary, well-formed parts, part and file names without control
 * characters, and a `_payload` (the document) that is a JSON object.
 */
async function formProblem(request: Request): Promise<Refused | null> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return refused('malformedForm', 400)
  }
  for (const [name, value] of form) {
    if (controlCharacter.test(name)) return refused('malformedForm', 400)
    if (typeof value !== 'string' && controlCharacter.test(value.name)) return refused('malformedForm', 400)
  }
  const document = form.get('_payload')
  if (document === null) return null
  if (typeof document !== 'string') return refused('malformedForm', 400)
  const parsed = readJsonObject(new TextEncoder().encode(document))
  return 'code' in parsed ? refused('malformedForm', 400) : null
}
