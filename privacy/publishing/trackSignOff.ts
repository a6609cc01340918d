import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import {
  needsSignOff,
  type SignOffContext,
  signedContentDigest,
  signOffMissingLabel,
  signOffMissingMessage,
} from '@/privacy/publishing/signOff'

const cleared = { signedOffBy: null, signedOffByName: null, signedOffAt: null }

/**
 * Safeguarding sign-off belongs to the words and pictures it was given for. The sign-off
 * endpoint stamps it (through `context.signOff`); any later change to what the story says or
 * shows clears it; and a story that uses a participant cannot go live, by any path, including
 * scheduled publishing, without a sign-off on its current content.
 *
 * Runs after `enforceConsent`, which works out who the story depends on.
 */
export const trackSignOff: CollectionBeforeChangeHook = ({ context, data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const contentChanged = !originalDoc || signedContentDigest(originalDoc) !== signedContentDigest(merged)
  const signing = (context as SignOffContext).signOff

  if (signing) {
    data.signOff = {
      signedOffBy: signing.by ?? null,
      signedOffByName: signing.name,
      signedOffAt: new Date().toISOString(),
    }
  } else if (originalDoc?.signOff?.signedOffAt && contentChanged) {
    data.signOff = cleared
  }

  const status = data._status ?? originalDoc?._status
  const goingLive = status === 'published' && (originalDoc?._status !== 'published' || contentChanged)
  const signedOff = Boolean((data.signOff ?? originalDoc?.signOff)?.signedOffAt)
  if (goingLive && needsSignOff(data.dependsOn ?? originalDoc?.dependsOn) && !signedOff) {
    // With `req`, the toast names the problem in the admin's language.
    throw new ValidationError({
      collection: 'stories',
      req,
      errors: [{ path: 'signOff', label: signOffMissingLabel, message: signOffMissingMessage }],
    })
  }
  return data
}
