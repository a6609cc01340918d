import type { SanitizedConfig } from 'payload'

import { initI18n } from '@payloadcms/translations'
import { formatErrors, getRequestLanguage } from 'payload'
import { parseCookies } from 'payload/shared'

import { Refusal } from '@/lib/refusals/refusal'

import type { Refused } from './refused'

/**
 * A refusal answered before Payload has read the request (lib/api/screenRequest.ts): the same
 * JSON as every other refusal, `{ errors: [{ name, message, data: { code } }] }`, with the message
 * in the language Payload would have chosen (the admin's language cookie, then Accept-Language).
 * GraphQL clients also find the code where GraphQL puts it, in `extensions.data.code`.
 */
export async function earlyRefusal(
  request: Request,
  config: SanitizedConfig,
  refusal: Refused,
  { graphql = false } = {},
): Promise<Response> {
  const language = getRequestLanguage({ config, cookies: parseCookies(request.headers), headers: request.headers })
  const i18n = await initI18n({ config: config.i18n, context: 'api', language })
  const error = new Refusal({ t: i18n.t }, refusal.code, refusal.status, refusal.vars)
  const body = formatErrors(error) as { errors: Array<Record<string, unknown>> }
  if (graphql) {
    for (const entry of body.errors) entry.extensions = { data: entry.data, statusCode: refusal.status }
  }
  return Response.json(body, { status: refusal.status, headers: { 'Cache-Control': 'no-store' } })
}
