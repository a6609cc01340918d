import type { PayloadRequest } from 'payload'

import { locales } from '@/lib/locales'
import { isolatedRequest } from '@/lib/payload/isolatedRequest'
import { loadPeople, type LoadedPerson } from '@/privacy/consent/check'
import { mayBeNamed } from '@/privacy/consent/mayBeNamed'
import { type ConsentProblem, consentProblems } from '@/privacy/consent/scopes'
import { consentEndsSoonDays, seesConsentRecords, toldWhyConsentLacks } from '@/privacy/consent/whoIsTold'
import { peopleCollections, personKey, type PeopleCollection, type PersonRef } from '@/privacy/content/uses'

const day = 24 * 60 * 60 * 1000

/**
 * Why the site will not name someone a story mentions: erased, or what the consent check finds
 * wrong with her consent to be named (`scopeMissing`: she agreed to other things, not her name).
 */
export type NotNamedReason = 'erased' | Exclude<ConsentProblem['code'], 'noLongerOnFile'>

/** Whether the site names her: yes, yes but her consent ends soon, or no and why. */
export type Naming = 'named' | 'endsSoon' | NotNamedReason

export type MentionChip = {
  collection: PeopleCollection
  /** Her current public name, read as the member of staff; null when she is no longer on file. */
  name: string | null
  /** Left out for staff who are not told about consent (contributors). */
  naming?: Naming
}

/**
 * Whether her public name may appear on the site now, by the rule the site itself follows
 * (`mayBeNamed`: consent to be named, or a leader's public role; never after erasure), and the
 * reason when it may not. "Ends soon" is only for staff who keep consent records, as on the
 * dashboard: named today, but not in `consentEndsSoonDays` days.
 */
export function namingOf(person: LoadedPerson, now: Date, toldEndsSoon: boolean): Naming {
  if (mayBeNamed(person, now)) {
    const soon = new Date(now.getTime() + consentEndsSoonDays * day)
    return toldEndsSoon && !mayBeNamed(person, soon) ? 'endsSoon' : 'named'
  }
  if (person.erased) return 'erased'
  const [problem] = consentProblems(person.consent, ['name'], now)
  return problem && problem.code !== 'noLongerOnFile' ? problem.code : 'noConsent'
}

/**
 * What the story editor shows for each person a story mentions, for the member of staff asking.
 *
 * Her public name is read as that member of staff, selecting nothing else, so a contributor reads
 * what the collections' field access already lets her read (and the audit has nothing to log).
 * Whether the site may name her is worked out with system rights from her consent record and
 * handed on as a code, never as a value, and only to staff told about consent (editors,
 * safeguarding, admins). Visitors get nothing.
 */
export async function mentionChips(
  refs: PersonRef[],
  request: PayloadRequest,
  now = new Date(),
  localeCode: string | null | undefined = request.locale,
): Promise<Map<string, MentionChip>> {
  const chips = new Map<string, MentionChip>()
  const user = request.user
  if (!user) return chips
  const req = isolatedRequest(request)
  // Her public name in the language being edited (or compared); English when none is chosen.
  const locale = locales.find((l) => l.code === localeCode)?.code
  for (const collection of peopleCollections) {
    const ids = [...new Set(refs.filter((ref) => ref.collection === collection).map((ref) => ref.id))]
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: ids } },
      select: { publicName: true },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      locale,
      req,
    })
    const names = new Map(docs.map((doc) => [String(doc.id), doc.publicName]))
    const people = toldWhyConsentLacks(user) ? await loadPeople(collection, [...names.keys()], req, locale) : null
    for (const id of ids) {
      const person = people?.get(id)
      chips.set(personKey({ collection, id }), {
        collection,
        name: names.get(id) ?? null,
        ...(person ? { naming: namingOf(person, now, seesConsentRecords(user)) } : {}),
      })
    }
  }
  return chips
}
