import type { Endpoint } from 'payload'

import { APIError } from 'payload'

import { recordAudit } from '@/privacy/audit/recordAudit'
import { privateFieldsOf } from '@/privacy/privateData'
import { hasRole } from '@/lib/roles'

/**
 * POST /api/{participants|leaders}/:id/erase — removes a person's private data for good: her
 * real or legal name, notes, consent record and evidence files. Her record stays (marked
 * erased) so stories that mentioned her read "a participant" instead of a name, and their
 * version history stays intact. Safeguarding staff and admins only.
 */
export function eraseEndpoint(collection: 'participants' | 'leaders', nameField: 'legalName' | 'realName'): Endpoint {
  return {
    path: '/:id/erase',
    method: 'post',
    handler: async (req) => {
      if (!hasRole(req.user, 'admin', 'safeguarding'))
        throw new APIError('Only safeguarding staff and admins can erase private data.', 403)
      const id = String(req.routeParams?.id ?? '')
      const person = await req.payload
        .findByID({ collection, id, depth: 0, overrideAccess: true, req, context: { audit: true } })
        .catch(() => null)
      if (!person) throw new APIError('No such person.', 404)
      const evidence = person.consent?.evidence
      const evidenceId = typeof evidence === 'object' && evidence ? evidence.id : evidence
      await req.payload.update({
        collection,
        id,
        overrideAccess: true,
        req,
        context: { erasing: true },
        data: {
          [nameField]: null,
          ...(collection === 'participants' ? { notes: null } : {}),
          consent: {
            status: 'none',
            scopes: [],
            givenAt: null,
            expiresAt: null,
            withdrawnAt: null,
            withdrawalReason: null,
            evidence: null,
            recordedBy: null,
          },
          erasedAt: new Date().toISOString(),
        },
      })
      if (evidenceId)
        await req.payload.delete({ collection: 'consent-evidence', id: String(evidenceId), overrideAccess: true, req })
      // The evidence file's deletion has its own entry (consent-evidence's audit hooks).
      await recordAudit(req, { action: 'erase', collection, id, fields: privateFieldsOf(collection) })
      return Response.json({ erased: true, id })
    },
  }
}
