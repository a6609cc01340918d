import type { PayloadRequest, Where } from 'payload'

import { defaultLocale } from '@/lib/locales'

import { consentFailures } from '@/privacy/consent/check'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { type PersonRef, personKey, storyUses, storyUsesSelect } from '@/privacy/content/uses'

export type TakedownResult = { unpublished: Array<{ id: string; title: string; reasons: string[] }> }

/**
 * Takes down every published story that now uses someone without valid consent: after a
 * withdrawal, an edit to a consent record, or an expiry (the daily job). With the "redact" policy
 * in site settings, stories stay up and the site shows a neutral phrase instead of her name; a
 * photo of her cannot be redacted, so a story that needs her photo consent still comes down.
 *
 * Nothing is deleted: unpublishing keeps every version, so the story can be restored.
 */
export function takeDownStoriesLackingConsent(
  req: PayloadRequest,
  person?: PersonRef,
  now = new Date(),
): Promise<TakedownResult> {
  return takeDown(isolatedRequest(req), person, now)
}

async function takeDown(req: PayloadRequest, person: PersonRef | undefined, now: Date): Promise<TakedownResult> {
  const { payload } = req
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const redact = settings.consentWithdrawalPolicy === 'redact'
  const where: Where = { _status: { equals: 'published' } }
  if (person) where.dependsOn = { contains: personKey(person) }
  const result: TakedownResult = { unpublished: [] }
  let page = 1
  for (;;) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'stories',
      where,
      depth: 0,
      limit: 100,
      page,
      locale: 'all',
      overrideAccess: true,
      req,
      select: { title: true, ...storyUsesSelect },
    })
    for (const story of docs) {
      const { needs } = await storyUses(story as unknown as Record<string, unknown>, req)
      const failures = (await consentFailures(needs, req, now)).filter((failure) => !(redact && failure.redactable))
      if (failures.length === 0) continue
      await payload.update({
        collection: 'stories',
        id: story.id,
        data: { _status: 'draft' },
        locale: defaultLocale,
        overrideAccess: true,
        req,
        context: { consentTakedown: true },
      })
      const titles = story.title as unknown as Record<string, string> | string
      result.unpublished.push({
        id: String(story.id),
        title: typeof titles === 'string' ? titles : (titles.en ?? Object.values(titles)[0] ?? ''),
        reasons: failures.map((f) => f.message),
      })
    }
    if (!hasNextPage) break
    page += 1
  }
  if (result.unpublished.length > 0) {
    payload.logger.info({ msg: 'Consent: stories taken down', stories: result.unpublished })
  }
  return result
}
