import type { SanitizedConfig } from 'payload'

import { earlyRefusal } from './earlyRefusal'
import { screenRequest } from './screenRequest'
import { unkeptVersions } from './unkeptVersions'

/**
 * Wraps one of Payload's route handlers (REST or GraphQL) so every request is screened first
 * (lib/api/screenRequest.ts, and for REST lib/api/unkeptVersions.ts). Payload then reads the body the screen already read, never more.
 * The proxy cannot do this: its matcher leaves /api alone, and it never sees a body.
 */
export function guarded<Args>(
  config: Promise<SanitizedConfig>,
  handler: (request: Request, args: Args) => Promise<Response>,
  { graphql = false } = {},
): (request: Request, args: Args) => Promise<Response> {
  return async (request, args) => {
    const absent = graphql ? null : unkeptVersions(request, await config)
    if (absent) return earlyRefusal(request, await config, absent)
    const screened = await screenRequest(request, { graphql })
    if (screened instanceof Request) return handler(screened, args)
    return earlyRefusal(request, await config, screened, { graphql })
  }
}
