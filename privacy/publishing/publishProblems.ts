import type { PayloadRequest } from 'payload'

import { consentFailures } from '@/privacy/consent/check'
import { keepRequestLocale } from '@/lib/payload/keepRequestLocale'
import { personKey, storyNeeds } from '@/privacy/content/storyPeople'

import { needsSignOff, signOffMissingMessage } from '@/privacy/publishing/signOff'

/**
 * Why the latest version of a story could not go live at `at`, as messages for staff: consent
 * missing or ending by then for anyone it uses, or no safeguarding sign-off. Empty when it could.
 * The publishing hooks decide for real when it goes live; this lets scheduling refuse early.
 */
export function publishProblems(storyId: string, req: PayloadRequest, at: Date): Promise<string[]> {
  return keepRequestLocale(req, async () => {
    const story = await req.payload
      .findByID({ collection: 'stories', id: storyId, draft: true, locale: 'all', depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!story) return ['The story no longer exists.']
    const bodies = Object.values((story.body ?? {}) as unknown as Record<string, unknown>)
    const needs = await storyNeeds({ ...story, bodies }, req)
    const problems = (await consentFailures(needs, req, at)).map((failure) => failure.message)
    if (needsSignOff(needs.map(personKey)) && !story.signOff?.signedOffAt) problems.push(signOffMissingMessage)
    return problems
  })
}
