import type { PayloadRequest, Where } from 'payload'

import { consentFailures } from '@/privacy/consent/check'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { type PersonRef, personKey, storyUses, storyUsesSelect } from '@/privacy/content/uses'
import { unpublishStories } from '@/privacy/takedown/unpublishStories'

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
  { pageSize = 100 }: { pageSize?: number } = {},
): Promise<TakedownResult> {
  return takeDown(isolatedRequest(req), person, now, pageSize)
}

type Failing = { id: string; title: string; reasons: string[]; slug?: string | null; mediaUsed?: string[] | null }

/**
 * Every published story (hers, or all of them) that fails the consent check now, read page by
 * page before any is changed: unpublishing while paging through "published" would shift the
 * pages under the reader, and the stories moved onto pages already read would stay up.
 */
async function failingStories(
  req: PayloadRequest,
  person: PersonRef | undefined,
  now: Date,
  pageSize: number,
): Promise<Failing[]> {
  const { payload } = req
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const redact = settings.consentWithdrawalPolicy === 'redact'
  const where: Where = { _status: { equals: 'published' } }
  if (person) where.dependsOn = { contains: personKey(person) }
  const failing: Failing[] = []
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'stories',
      where,
      depth: 0,
      limit: pageSize,
      page,
      // A stable order, so that the pages cover every story once.
      sort: 'id',
      locale: 'all',
      overrideAccess: true,
      req,
      select: { title: true, slug: true, mediaUsed: true, ...storyUsesSelect },
    })
    for (const story of docs) {
      const { needs } = await storyUses(story as unknown as Record<string, unknown>, req)
      const failures = (await consentFailures(needs, req, now)).filter((failure) => !(redact && failure.redactable))
      if (failures.length === 0) continue
      const titles = story.title as unknown as Record<string, string> | string
      failing.push({
        id: String(story.id),
        title: typeof titles === 'string' ? titles : (titles.en ?? Object.values(titles)[0] ?? ''),
        reasons: failures.map((f) => f.message),
        slug: story.slug,
        mediaUsed: story.mediaUsed,
      })
    }
    if (!hasNextPage) return failing
  }
}

async function takeDown(
  req: PayloadRequest,
  person: PersonRef | undefined,
  now: Date,
  pageSize: number,
): Promise<TakedownResult> {
  const { payload } = req
  const failing = await failingStories(req, person, now, pageSize)
  await unpublishStories(failing, req)
  const unpublished = failing.map(({ id, title, reasons }) => ({ id, title, reasons }))
  if (unpublished.length > 0) payload.logger.info({ msg: 'Consent: stories taken down', stories: unpublished })
  return { unpublished }
}
