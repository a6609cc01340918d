import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { RefusalCode } from '@/lib/i18n/admin/refusals'

import { voicesT } from './translate'

export type { RefusalCode }

/**
 * A refusal Voices raises on purpose (a role, the consent gate, sign-off, scheduling, erasure).
 * Its message reaches REST and GraphQL clients in the request's language, with a stable `code`
 * beside it. Payload hides the message of an error that is not marked public, and in a production
 * build an error without data loses its message too, so both are set here.
 */
export class Refusal extends APIError<{ code: RefusalCode }> {
  constructor(
    req: Pick<PayloadRequest, 't'> | undefined,
    code: RefusalCode,
    status: number,
    vars?: Record<string, string>,
  ) {
    super(voicesT(req)(`voices:refusals:${code}`, vars), status, { code }, true)
  }
}
