import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { guarded } from '@/lib/api/guarded'

/**
 * REST and GraphQL in-process, through the same handlers `app/(payload)/api` mounts (Voices'
 * screen of each request, then Payload's handler), so a test sees exactly what a client over HTTP
 * would: access control, hooks and the JSON a response carries.
 */
const origin = 'http://voices.test'

async function config() {
  return (await import('@payload-config')).default
}

/** Signs in with the password `createStaff` gives everyone and returns the session token. */
export async function tokenFor(payload: Payload, email: string): Promise<string> {
  const { token } = await payload.login({
    collection: 'users',
    data: { email, password: 'correct horse battery staple' },
  })
  if (!token) throw new Error(`no token for ${email}`)
  return token
}

function headers(token: string | null, json: boolean): Headers {
  const result = new Headers()
  if (token) result.set('Authorization', `JWT ${token}`)
  if (json) result.set('Content-Type', 'application/json')
  return result
}

/**
 * Calls `/api/...` as the holder of this token (or anonymously) and returns the raw Response;
 * `body` is sent as JSON, `form` as multipart (uploads), `raw` exactly as given (with the
 * Content-Type in `headers`), `headers` are added as given.
 */
export async function rest(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  {
    token = null,
    body,
    form,
    raw,
    headers: extra = {},
  }: {
    token?: string | null
    body?: unknown
    form?: FormData
    raw?: string | Uint8Array<ArrayBuffer>
    headers?: Record<string, string>
  } = {},
): Promise<Response> {
  const all = headers(token, body !== undefined)
  for (const [name, value] of Object.entries(extra)) all.set(name, value)
  const request = new Request(`${origin}${path}`, {
    method,
    headers: all,
    body: raw ?? form ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const resolved = config()
  return guarded(resolved, (screened: Request) =>
    resolved.then((c) => handleEndpoints({ config: c, request: screened })),
  )(request, undefined)
}

/** POST /api/graphql as the holder of this token (or anonymously), with variables and other body fields if given. */
export async function graphql(
  query: string,
  token: string | null = null,
  variables?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: Array<{ message: string }> }> {
  const request = new Request(`${origin}/api/graphql`, {
    method: 'POST',
    headers: headers(token, true),
    body: JSON.stringify({ query, variables, ...extra }),
  })
  const resolved = config()
  const response = await guarded(resolved, (screened: Request) => resolved.then((c) => GRAPHQL_POST(c)(screened)), {
    graphql: true,
  })(request, undefined)
  return response.json()
}
