import type { PayloadRequest } from 'payload'

import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { voicesT } from '@/lib/refusals/translate'
import { hasRole } from '@/lib/roles'
import { consentFailures } from '@/privacy/consent/check'
import type { AllLocales } from '@/privacy/content/documentAsSaved'
import { personKey, storyUses } from '@/privacy/content/uses'

import { realNameProblems } from './realNameProblems'
import { lastTakedown, needsSignOff, signedContentDigest, signOffHolds } from './signOff'

/**
 * One reason a story cannot go live: a stable code for clients and the message in the request's
 * language. Contributors only ever get `waitingForSafeguarding` about consent, whatever the state
 * of anyone's consent: a message that varied with it would let her test, one person and one use
 * at a time, what each woman has agreed to.
 */
export type PublishProblem = { code: string; message: string }

/**
 * Why the latest version of a story could not go live at `at`, as messages for staff: consent
 * missing or ending by then for anyone it uses, or no safeguarding sign-off on this content.
 * Empty when it could. The publishing policy decides for real when it goes live; this lets staff
 * see it first and scheduling refuse early. Contributors learn nothing about consent: only that
 * safeguarding checks it, for every story that uses someone.
 */
export async function publishProblems(storyId: string, request: PayloadRequest, at: Date): Promise<PublishProblem[]> {
  const req = isolatedRequest(request)
  const t = voicesT(request)
  const story = (await req.payload
    .findByID({ collection: 'stories', id: storyId, draft: true, locale: 'all', depth: 0, overrideAccess: true, req })
    .catch(() => null)) as AllLocales | null
  if (!story) return [{ code: 'storyGone', message: t('voices:consent:storyGone') }]
  const uses = await storyUses(story, req)
  const dependsOn = uses.needs.map(personKey)
  const consent = (await consentFailures(uses.needs, req, at)).map(({ problem, message }) => ({
    code: problem.code,
    message,
  }))
  const problems = hasRole(req.user, 'admin', 'editor', 'safeguarding')
    ? consent
    : uses.needs.length > 0
      ? [{ code: 'waitingForSafeguarding', message: t('voices:consent:waitingForSafeguarding') }]
      : []
  for (const { code, message } of await realNameProblems(story, req)) problems.push({ code, message })
  const signed = signOffHolds(
    story.signOff as Parameters<typeof signOffHolds>[0],
    signedContentDigest({ ...story, dependsOn }),
    lastTakedown(story.takedowns),
  )
  if (needsSignOff(dependsOn, story.takedowns) && !signed) {
    problems.push({ code: 'signOffMissing', message: t('voices:consent:signOffMissing') })
  }
  return problems
}
