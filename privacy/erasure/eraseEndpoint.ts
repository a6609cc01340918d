import type { Endpoint } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

import { relationId } from '@/lib/relations'
import { recordAudit } from '@/privacy/audit/recordAudit'
import { privateFieldsOf } from '@/privacy/privateData'
import { hasRole } from '@/lib/roles'
import { locales } from '@/lib/locales'
import { type ByLocale, writeLocalized } from '@/lib/payload/writeLocalized'

const noConsent = () => ({
  status: 'none' as const,
  scopes: [],
  givenAt: null,
  expiresAt: null,
  withdrawnAt: null,
  withdrawalReason: null,
  evidence: null,
  recordedBy: null,
})

/**
 * What erasure clears besides her consent record. A leader's profile is public, so her bio
 * (every language), photo and the recorded basis for showing her go too, and she is no longer
 * shown anywhere (privacy/leaders/shownOnSite).
 */
const erasedFields = {
  participants: { notes: null },
  leaders: { photo: null, publicRole: { holds: false, basis: null } },
} as const

/**
 * POST /api/{participants|leaders}/:id/erase — removes a person's private data for good: her
 * real or legal name, notes, consent record and evidence files, and a leader's bio, photo and
 * public role. Her record stays (marked erased) so stories that mentioned her read "a
 * participant" instead of a name, and their version history stays intact. Safeguarding staff
 * and admins only.
 */
export function eraseEndpoint(collection: 'participants' | 'leaders', nameField: 'legalName' | 'realName'): Endpoint {
  return {
    path: '/:id/erase',
    method: 'post',
    handler: async (req) => {
      if (!req.user) throw new Refusal(req, 'signInRequired', 401)
      if (!hasRole(req.user, 'admin', 'safeguarding')) throw new Refusal(req, 'onlySafeguardingErases', 403)
      const id = String(req.routeParams?.id ?? '')
      const person = await req.payload
        .findByID({ collection, id, depth: 0, overrideAccess: true, req, context: { audit: true } })
        .catch(() => null)
      if (!person) throw new Refusal(req, 'noSuchPerson', 404)
      const evidence = person.consent?.evidence
      const evidenceId = relationId(evidence)
      await req.payload.update({
        collection,
        id,
        overrideAccess: true,
        req,
        context: { erasing: true },
        data: {
          [nameField]: null,
          ...erasedFields[collection],
          consent: noConsent(),
          erasedAt: new Date().toISOString(),
        },
      })
      // A bio is written per language: clear it in each, straight in the database, since a
      // language she has no public name in would fail validation on a normal save.
      if (collection === 'leaders') {
        const stored = await req.payload.db.findOne<{ id: string }>({
          collection,
          where: { id: { equals: id } },
          locale: 'all',
          req,
        })
        const bio: ByLocale = Object.fromEntries(locales.map((l) => [l.code, null]))
        if (stored) await writeLocalized(req, { collection, kind: 'document', id, stored }, new Map([['bio', bio]]))
      }
      if (evidenceId)
        await req.payload.delete({ collection: 'consent-evidence', id: String(evidenceId), overrideAccess: true, req })
      // What was erased, by name only; the evidence file's deletion has its own entry.
      const fields = new Set<string>([...privateFieldsOf(collection), ...Object.keys(erasedFields[collection])])
      if (collection === 'leaders') fields.add('bio')
      await recordAudit(req, { action: 'erase', collection, id, fields: [...fields] })
      return Response.json({ erased: true, id })
    },
  }
}
