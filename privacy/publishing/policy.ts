import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { consent } from '@/lib/i18n/admin/consent'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { Refusal } from '@/lib/refusals/refusal'
import { voicesT } from '@/lib/refusals/translate'
import { savingLocale } from '@/lib/payload/savingLocale'
import { defaultLocale } from '@/lib/locales'
import { hasRole } from '@/lib/roles'
import { contributorReviewStatuses, reviewStatuses } from '@/lib/workflow/reviewStatus'
import { describeWrite, isDuplicate, type PublishedCollection, type Write } from '@/privacy/content/documentAsSaved'
import { personKey, programUses, storyUses } from '@/privacy/content/uses'

import { consentErrors } from './consentGate'
import { realNameProblems } from './realNameProblems'
import { settledSlug } from './settledSlug'
import {
  lastTakedown,
  needsSignOff,
  noSignOff,
  type SignOffContext,
  type SignOffRecord,
  signedContentDigest,
  signOffHolds,
} from './signOff'

/**
 * Voices' one publishing policy. Every write to a story or program runs through it, whatever
 * the operation (create, update, bulk update, duplicate, version restore, publishing one
 * locale, scheduled publishing) and whatever the API (admin, REST, GraphQL, the local API,
 * jobs). It judges the document as it will be stored, in every locale:
 *
 * 1. contributors never publish, unpublish or change what is published;
 * 2. only editors and admins put new content in front of the public;
 * 3. a story that uses a participant goes live only with a safeguarding sign-off on exactly
 *    that content (see `signOff.ts`);
 * 4. nobody it names, quotes, tells about or shows lacks consent for that use (`consentGate.ts`).
 *
 * It also keeps the derived lists the rest of Voices reads: who a story depends on (withdrawal
 * finds her stories through it) and which media it shows (media visibility).
 */

const canPublish = (req: PayloadRequest) => hasRole(req.user, 'admin', 'editor')

/**
 * Contributors write drafts. Only here, where the operation's `draft` flag is known, can a draft
 * save be told from an unpublish or an overwrite of what is published.
 */
export const contributorsWriteDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!hasRole(req.user, 'contributor')) return args
  if (operation === 'restoreVersion' && !args.draft) {
    throw new Refusal(req, 'contributorRestoresAsDraft', 403)
  }
  if (operation !== 'create' && operation !== 'update') return args
  // Both change which locales are published, and a draft save with them rewrites the published
  // version in place, losing the record of what was public.
  const publication = args as { publishAllLocales?: boolean; unpublishAllLocales?: boolean }
  if (publication.publishAllLocales || publication.unpublishAllLocales) {
    throw new Refusal(req, 'contributorCannotChangeLanguages', 403)
  }
  const data = (args.data ?? {}) as { _status?: string; reviewStatus?: string }
  if (data._status === 'published') {
    throw new Refusal(req, 'contributorCannotPublish', 403)
  }
  if (operation === 'update' && !args.draft) {
    throw new Refusal(req, 'contributorSavesDrafts', 403)
  }
  // One story at a time: an update by query would rewrite every draft it matched, others' too.
  if (operation === 'update' && (args as { id?: unknown }).id === undefined) {
    throw new Refusal(req, 'contributorEditsOneStory', 403)
  }
  // Only a status that exists is an approval; any other value is left to the field's validation.
  const approves = reviewStatuses.some(({ value }) => value === data.reviewStatus)
  if (approves && !contributorReviewStatuses.has(data.reviewStatus ?? '')) {
    throw new Refusal(req, 'onlyEditorsApprove', 403)
  }
  return args
}

/** Whether the write changes what the public reads: going live, or new content while live. */
function changesPublic(write: Write, digest: (doc: Record<string, unknown>) => string): boolean {
  if (write.status !== 'published') return false
  return !write.publishedBefore || digest(write.publishedBefore) !== digest(write.saved)
}

function assertMayPublish(write: Write, changing: boolean, req: PayloadRequest): void {
  if (!req.user || write.status !== 'published') return
  if (hasRole(req.user, 'contributor') || (changing && !canPublish(req))) {
    throw new Refusal(req, 'onlyEditorsPublish', 403)
  }
}

/**
 * The sign-off the story carries after this write: stamped when safeguarding signs (through the
 * sign-off endpoint's context), kept while it matches the content, dropped otherwise.
 */
function signOffAfter(write: Write, context: SignOffContext, takenDownAt: string | null): SignOffRecord {
  const digest = signedContentDigest(write.saved)
  if (context.signOff) {
    return {
      signedOffBy: context.signOff.by ?? null,
      signedOffByName: context.signOff.name,
      signedOffAt: new Date().toISOString(),
      version: context.signOff.version ?? null,
      digest,
    }
  }
  const carried = write.saved.signOff as SignOffRecord | null | undefined
  const copied = write.kind === 'create' || write.kind === 'duplicate'
  return !copied && signOffHolds(carried, digest, takenDownAt) ? carried! : noSignOff
}

/** A copy is a new draft: it goes live only through review, sign-off and an editor. */
function startAsDraft(data: Record<string, unknown>): void {
  data._status = 'draft'
  data.reviewStatus = 'draft'
  data.publishedAt = null
}

/**
 * An editor approves what she read. When a contributor changes a story after that (a draft over
 * a published story included), it goes back to review, so nobody publishes it as approved.
 */
function reopenReview(data: Record<string, unknown>, originalDoc: unknown, req: PayloadRequest): void {
  if (!hasRole(req.user, 'contributor')) return
  const before = (originalDoc as { reviewStatus?: string } | undefined)?.reviewStatus
  if ((data.reviewStatus ?? before) === 'approved') data.reviewStatus = 'inReview'
}

/** The takedowns on record for a stored story, read as stored, whatever the write sent. */
async function storedTakedowns(id: string | null | undefined, req: PayloadRequest): Promise<string[]> {
  if (!id) return []
  const story = await req.payload
    .findByID({ collection: 'stories', id, depth: 0, overrideAccess: true, req, select: { takedowns: true } })
    .catch(() => null)
  return (story?.takedowns as string[] | null | undefined) ?? []
}

export function applyPublishingPolicy(collection: PublishedCollection): CollectionBeforeChangeHook {
  return async ({ context, data, originalDoc, operation, req }) => {
    if (operation === 'create' && isDuplicate(collection, req)) startAsDraft(data)
    if (collection === 'stories') reopenReview(data, originalDoc, req)
    const write = await describeWrite({ collection, data, originalDoc, operation, req })
    const reader = isolatedRequest(req)
    const uses =
      collection === 'stories' ? await storyUses(write.saved, reader) : await programUses(write.saved, reader)
    data.mediaUsed = uses.media
    write.saved.mediaUsed = uses.media
    if (collection === 'stories') {
      data.dependsOn = uses.needs.map(personKey)
      write.saved.dependsOn = data.dependsOn
      // Judged at the address the save really gives it.
      const locale = savingLocale(req) ?? defaultLocale
      write.saved.slug = settledSlug({ saved: write.saved, data, originalDoc, locale })
    }
    // Programs have no sign-off to compare: any published write of one is a change.
    const changing = collection === 'stories' ? changesPublic(write, signedContentDigest) : write.status === 'published'
    assertMayPublish(write, changing, req)

    // Every reason it cannot go live is given at once: consent first, then a real name typed
    // into the text, then the sign-off. Voices' own saves (a takedown's redaction) are never held.
    const errors = await consentErrors(write, uses, reader, savingLocale(req))
    if (changing && req.user) errors.push(...(await realNameProblems(write.saved, reader)))
    if (collection === 'stories') {
      // Only a takedown records one (privacy/takedown), past these hooks: no save or restore
      // brings back an earlier list, nor a sign-off given before the last takedown. A copy
      // carries the takedowns of the story it copies: the same content, taken down.
      const takedowns = await storedTakedowns(write.kind === 'duplicate' ? write.source : write.id, reader)
      data.takedowns = takedowns
      const signOff = signOffAfter(write, context as SignOffContext, lastTakedown(takedowns))
      data.signOff = signOff
      if (changing && needsSignOff(data.dependsOn as string[], takedowns) && !signOff.signedOffAt) {
        errors.push({
          path: 'signOff',
          code: 'signOffMissing',
          label: { en: consent.en.signOffMissingLabel, ru: consent.ru.signOffMissingLabel },
          message: voicesT(req)('voices:consent:signOffMissing'),
        })
      }
    }
    // With `req`, the admin's toast names each problem in the admin's language.
    if (errors.length > 0) throw new ValidationError({ collection, req, errors })
    return data
  }
}
