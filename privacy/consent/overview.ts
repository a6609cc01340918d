import type { Payload, PayloadRequest, TypedUser, Where } from 'payload'

import { createLocalReq } from 'payload'

import { consentFailures } from '@/privacy/consent/check'
import { consentEndsSoonDays, seesConsentRecords, toldWhyConsentLacks } from '@/privacy/consent/whoIsTold'
import { storyUses, storyUsesSelect } from '@/privacy/content/uses'

const day = 24 * 60 * 60 * 1000

export type ConsentOverview = {
  /** Safeguarding staff and admins, who read consent records. */
  seesConsent: boolean
  /** Staff who may know why a story waits for consent; contributors are not told. */
  tellsWhy: boolean
  /** The filter `expiring` was read with, for the dashboard's links to the full lists. */
  expiringWhere: Where
  expiring: Array<{ collection: 'participants' | 'leaders'; id: string; name: string; expiresAt: string }>
  blocked: Array<{ id: string; title: string; reasons: string[] }>
}

/** What the admin dashboard shows about consent, for this member of staff. */
export async function consentOverview(
  payload: Payload,
  user: TypedUser,
  now = new Date(),
  /** The admin's language for the reasons; English without it. */
  i18n?: PayloadRequest['i18n'],
): Promise<ConsentOverview> {
  const req = await createLocalReq(
    { user: { ...user, collection: 'users' }, req: i18n ? { i18n } : undefined },
    payload,
  )
  const seesConsent = seesConsentRecords(user as { role?: string })
  const tellsWhy = toldWhyConsentLacks(user as { role?: string })
  const soon = new Date(now.getTime() + consentEndsSoonDays * day).toISOString()
  const today = now.toISOString()
  const expiringWhere: Where = {
    and: [
      { 'consent.expiresAt': { less_than_equal: soon } },
      { 'consent.expiresAt': { greater_than: today } },
      { 'consent.withdrawnAt': { exists: false } },
    ],
  }

  const expiring = seesConsent
    ? (
        await Promise.all(
          (['participants', 'leaders'] as const).map(async (collection) =>
            (
              await payload.find({
                collection,
                where: expiringWhere,
                depth: 0,
                limit: 50,
                // Expiry dates are part of her consent record: read as the member of staff, so
                // the audit log records that she saw them.
                overrideAccess: false,
                req,
                select: { publicName: true, consent: { expiresAt: true } },
              })
            ).docs.map((doc) => ({
              collection,
              id: String(doc.id),
              name: doc.publicName,
              expiresAt: doc.consent?.expiresAt ?? '',
            })),
          ),
        )
      ).flat()
    : []

  // Which stories wait for someone's consent says something about her consent: contributors,
  // who may write a story about anyone, are not told.
  if (!tellsWhy) return { seesConsent, tellsWhy, expiringWhere, expiring, blocked: [] }

  // The latest version of each unpublished story, as its editors last saved it.
  const drafts = await payload.find({
    collection: 'stories',
    draft: true,
    where: { and: [{ _status: { equals: 'draft' } }, { dependsOn: { exists: true } }] },
    depth: 0,
    limit: 50,
    locale: 'all',
    overrideAccess: true,
    select: { title: true, ...storyUsesSelect },
  })
  const blocked: Array<{ id: string; title: string; reasons: string[] }> = []
  for (const story of drafts.docs) {
    const { needs } = await storyUses(story as unknown as Record<string, unknown>, req)
    const failures = await consentFailures(needs, req)
    if (failures.length === 0) continue
    const titles = story.title as unknown as Record<string, string>
    blocked.push({
      id: String(story.id),
      title: titles.en ?? Object.values(titles)[0] ?? '',
      reasons: failures.map((f) => f.message),
    })
  }

  return { seesConsent, tellsWhy, expiringWhere, expiring, blocked }
}
