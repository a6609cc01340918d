import type { CollectionBeforeChangeHook, PayloadRequest, TypedLocale } from 'payload'

import { ValidationError } from 'payload'

import { consentFailures } from '@/privacy/consent/check'
import { keepRequestLocale } from '@/lib/payload/keepRequestLocale'
import { personKey, storyNeeds } from '@/privacy/content/storyPeople'

/** The story's body in every locale but the one being saved (which comes from `data`). */
async function otherBodies(id: string, savingLocale: string | undefined, req: PayloadRequest): Promise<unknown[]> {
  const all = await req.payload.findByID({
    collection: 'stories',
    id,
    locale: 'all',
    draft: true,
    depth: 0,
    overrideAccess: true,
    req,
    select: { body: true },
  })
  const byLocale = (all?.body ?? {}) as Record<string, unknown>
  return Object.entries(byLocale)
    .filter(([locale]) => locale !== savingLocale)
    .map(([, body]) => body)
}

/**
 * The publishing gate. A story cannot be published, or stay published through an edit, while
 * anyone it features, mentions or shows lacks valid consent for that use. As a collection hook
 * it runs on every path: the admin, REST, GraphQL, the local API and scheduled publishing.
 *
 * It also records who the story depends on (`dependsOn`), so withdrawing someone's consent finds
 * her stories at once.
 */
export const enforceConsent: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const savingLocale = req.locale ?? undefined
  return keepRequestLocale(req, async () => {
    // A publish that sends only `_status` (scheduled publishing, bulk publish) keeps the saved body.
    const body = data.body !== undefined ? data.body : originalDoc?.body
    const bodies = [body, ...(originalDoc?.id ? await otherBodies(originalDoc.id, savingLocale, req) : [])]
    const needs = await storyNeeds(
      {
        featuredParticipants: data.featuredParticipants ?? originalDoc?.featuredParticipants,
        featuredLeaders: data.featuredLeaders ?? originalDoc?.featuredLeaders,
        heroImage: data.heroImage !== undefined ? data.heroImage : originalDoc?.heroImage,
        bodies: bodies.filter(Boolean),
      },
      req,
    )
    data.dependsOn = needs.map(personKey)

    const status = data._status ?? originalDoc?._status
    if (status !== 'published') return data
    const locale = savingLocale && savingLocale !== 'all' ? (savingLocale as TypedLocale) : undefined
    // With the "redact" policy a published story may stay up with a withdrawn name shown as a
    // neutral phrase; it can never be newly published that way.
    const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
    const keepRedacted = settings.consentWithdrawalPolicy === 'redact' && originalDoc?._status === 'published'
    const failures = (await consentFailures(needs, req, new Date(), locale)).filter(
      (f) => !(keepRedacted && f.redactable),
    )
    if (failures.length > 0) {
      throw new ValidationError({
        collection: 'stories',
        errors: failures.map(({ path, message }) => ({ path, message })),
      })
    }
    return data
  })
}
