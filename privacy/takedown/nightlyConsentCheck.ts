import type { PayloadRequest } from 'payload'

import { namingEnded, type NameableRecord } from '@/privacy/consent/mayBeNamed'
import type { PeopleCollection } from '@/privacy/content/uses'
import { refreshLeaderVisibility } from '@/privacy/leaders/shownOnSite'
import { pagesShowingStories } from '@/lib/site/cacheTags'
import { revalidatePublicSite } from '@/lib/site/revalidate'
import { redactStoriesFor } from '@/privacy/takedown/redactStories'
import { storiesShowing } from '@/privacy/takedown/storiesShowing'
import { type TakedownResult, takeDownStoriesLackingConsent } from '@/privacy/takedown/takeDownStories'

export type NightlyResult = TakedownResult & { leadersChanged: string[]; storiesRedacted: string[] }

/**
 * Everyone whose naming consent has ended by `now` through a date (expired, or withdrawn with
 * effect from a date) rather than an edit, which the record's own hooks would have handled: their
 * names go from every story that depends on them. Unchanged stories are not written, so running
 * this every night costs reads only.
 */
async function redactEndedNames(req: PayloadRequest, now: Date): Promise<string[]> {
  const redacted = new Set<string>()
  const at = now.toISOString()
  for (const collection of ['participants', 'leaders'] as PeopleCollection[]) {
    let page = 1
    for (;;) {
      const { docs, hasNextPage } = await req.payload.find({
        collection,
        where: {
          or: [{ 'consent.expiresAt': { less_than_equal: at } }, { 'consent.withdrawnAt': { less_than_equal: at } }],
        },
        depth: 0,
        limit: 100,
        page,
        overrideAccess: true,
        req,
        select: { consent: true, erasedAt: true, ...(collection === 'leaders' ? { publicRole: true } : {}) },
      })
      for (const person of docs) {
        if (!namingEnded(person as NameableRecord, now)) continue
        const ref = { collection, id: String(person.id) }
        const ids = await redactStoriesFor(ref, req, { now, redactTyped: true })
        for (const id of ids) redacted.add(id)
        // Her name is resolved as pages are rendered: each page that showed her is rendered again.
        revalidatePublicSite(pagesShowingStories(await storiesShowing(ref, req)), req)
      }
      if (!hasNextPage) break
      page += 1
    }
  }
  return [...redacted]
}

/**
 * The nightly consent check (the `enforceConsent` job), judged at `now`: consent ends by date
 * with nobody pressing a button. It takes down published stories that lost consent, hides
 * leaders who may no longer be shown (and their photos), and removes names that may no longer
 * appear from every story's stored text, in every locale, published and draft alike.
 */
export async function nightlyConsentCheck(req: PayloadRequest, now = new Date()): Promise<NightlyResult> {
  const { unpublished } = await takeDownStoriesLackingConsent(req, undefined, now)
  const leadersChanged = await refreshLeaderVisibility(req, now)
  const storiesRedacted = await redactEndedNames(req, now)
  if (leadersChanged.length > 0 || storiesRedacted.length > 0) {
    req.payload.logger.info({ msg: 'Consent: nightly check', leadersChanged, storiesRedacted })
  }
  return { unpublished, leadersChanged, storiesRedacted }
}
