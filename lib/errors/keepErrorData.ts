import type { AfterErrorHook } from 'payload'

type PayloadError = { name?: string; message?: string; data?: unknown; isOperational?: unknown; isPublic?: unknown }

/**
 * A refusal's `data` (its `code`, a validation error's fields) reaches REST clients even when
 * Payload does not recognise the error as its own. Payload formats an error with its data only
 * when `instanceof APIError` holds; in the production build the server's Payload is booted from
 * instrumentation.ts, whose bundle has its own copy of Payload's error classes, so the REST
 * route's copy does not recognise them and sends the message alone: clients lost the stable
 * code, and the admin the field a validation error is about. Recognised here by what Payload's
 * errors carry, for errors whose message Payload already shows.
 */
export const keepErrorData: AfterErrorHook = ({ error, result }) => {
  const { data, isOperational, isPublic, message, name } = error as PayloadError
  const first = result?.errors?.[0] as { data?: unknown; message?: string } | undefined
  if (!first || first.data !== undefined || data === null || typeof data !== 'object') return
  if (isOperational !== true || isPublic !== true || first.message !== message) return
  return { response: { ...result, errors: [{ name, data: data as Record<string, unknown>, message }] } }
}
