import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { mayBeNamed, type NameableRecord } from '@/privacy/consent/mayBeNamed'
import { hasConsent } from '@/privacy/consent/scopes'

export type LeaderVisibility = { shownOnSite: boolean; photoShown: boolean }

/**
 * Whether the site shows a leader at all (she may be named: consent or a recorded public role)
 * and her photo (shown, with a photo, and her consent to photos; a public role is not consent
 * to a photograph).
 */
export function leaderVisibility(leader: NameableRecord & { photo?: unknown }, now = new Date()): LeaderVisibility {
  const shownOnSite = mayBeNamed(leader, now)
  const photoShown = shownOnSite && Boolean(leader.photo) && hasConsent(leader.consent, 'photo', now)
  return { shownOnSite, photoShown }
}

/** Passed as a write's context by the nightly check, so the flags are judged at its moment. */
export type ConsentClockContext = { consentNow?: string }

/**
 * Keeps a leader's `shownOnSite` and `photoShown` current on every save, whatever was sent for
 * them: anonymous reads filter on these flags, so deciding costs nothing per request. Consent
 * also ends by date with nobody saving; the nightly check re-saves those leaders.
 */
export const keepLeaderVisibility: CollectionBeforeChangeHook = ({ context, data, originalDoc }) => {
  const at = (context as ConsentClockContext).consentNow
  Object.assign(data, leaderVisibility({ ...originalDoc, ...data }, at ? new Date(at) : new Date()))
  return data
}

/**
 * Saves again every leader whose flags are out of date at `now` (her consent expired, or began),
 * so she is hidden, or shown, and the pages listing her are revalidated. Returns their IDs.
 */
export async function refreshLeaderVisibility(req: PayloadRequest, now = new Date()): Promise<string[]> {
  const changed: string[] = []
  let page = 1
  for (;;) {
    const { docs, hasNextPage } = await req.payload.find({
      collection: 'leaders',
      depth: 0,
      limit: 100,
      page,
      overrideAccess: true,
      req,
      select: { consent: true, erasedAt: true, publicRole: true, photo: true, shownOnSite: true, photoShown: true },
    })
    for (const leader of docs) {
      const due = leaderVisibility(leader as NameableRecord & { photo?: unknown }, now)
      if (due.shownOnSite === Boolean(leader.shownOnSite) && due.photoShown === Boolean(leader.photoShown)) continue
      const context: ConsentClockContext = { consentNow: now.toISOString() }
      await req.payload.update({ collection: 'leaders', id: leader.id, data: {}, overrideAccess: true, req, context })
      changed.push(String(leader.id))
    }
    if (!hasNextPage) break
    page += 1
  }
  return changed
}
