import type { PayloadRequest, TypedLocale } from 'payload'

import { defaultLocale } from '@/lib/locales'

import { mayBeNamed, type NameableRecord } from '@/privacy/consent/mayBeNamed'
import { voicesT } from '@/lib/refusals/translate'
import {
  type ConsentProblem,
  consentProblems,
  type ConsentRecord,
  describeConsentProblem,
  lapsed,
} from '@/privacy/consent/scopes'
import type { PeopleCollection, PersonNeed } from '@/privacy/content/uses'

export type ConsentFailure = {
  path: string
  person: string
  problem: ConsentProblem
  /** In the request's language: the admin's for staff, English for jobs. */
  message: string
  /**
   * She had agreed to be named and has since withdrawn or let it expire, and the story only
   * names her: with the "redact" policy the site shows a neutral phrase instead, so the story
   * may stay up. A photo can never be redacted.
   */
  redactable: boolean
}

export type LoadedPerson = NameableRecord & { publicName: string; erased: boolean; consent: ConsentRecord | null }

/**
 * Public name, consent and (for leaders) public role of these people, read with system rights
 * inside the request's transaction.
 */
export async function loadPeople(
  collection: PeopleCollection,
  ids: string[],
  req: PayloadRequest,
  locale: TypedLocale = defaultLocale,
): Promise<Map<string, LoadedPerson>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    locale,
    overrideAccess: true,
    req,
    select: {
      publicName: true,
      consent: true,
      erasedAt: true,
      ...(collection === 'leaders' ? { publicRole: true } : {}),
    },
  })
  return new Map(
    docs.map((doc) => [
      String(doc.id),
      {
        publicName: doc.publicName,
        erased: Boolean(doc.erasedAt),
        erasedAt: doc.erasedAt ?? null,
        consent: doc.erasedAt ? null : ((doc.consent ?? null) as ConsentRecord | null),
        publicRole: 'publicRole' in doc ? (doc.publicRole as NameableRecord['publicRole']) : null,
      },
    ]),
  )
}

/**
 * Every way in which a story uses someone without her valid, unexpired consent. Each message
 * names her by public name and says what is missing.
 */
export async function consentFailures(
  needs: PersonNeed[],
  req: PayloadRequest,
  now = new Date(),
  locale: TypedLocale = defaultLocale,
): Promise<ConsentFailure[]> {
  const failures: ConsentFailure[] = []
  const t = voicesT(req)
  for (const collection of ['participants', 'leaders'] as const) {
    const wanted = needs.filter((n) => n.collection === collection)
    const people = await loadPeople(
      collection,
      wanted.map((n) => n.id),
      req,
      locale,
    )
    for (const need of wanted) {
      const person = people.get(need.id)
      const name =
        person?.publicName ??
        t(collection === 'participants' ? 'voices:consent:aParticipant' : 'voices:consent:aLeader')
      // A leader's recorded public role stands in for her consent to be named, and nothing else.
      const scopes = [...need.scopes].filter((scope) => !(scope === 'name' && person && mayBeNamed(person, now)))
      const problems: ConsentProblem[] = person
        ? consentProblems(person.consent, scopes, now)
        : [{ code: 'noLongerOnFile' }]
      const namesOnly = need.scopes.size === 1 && need.scopes.has('name')
      // An erased person is anonymous: wherever a story only names her, it reads "a participant".
      if (person?.erased && namesOnly) continue
      for (const problem of problems) {
        failures.push({
          path: need.via,
          person: name,
          problem,
          message: t('voices:consent:cannotPublish', { name, problem: describeConsentProblem(problem, t) }),
          redactable: namesOnly && lapsed(problem),
        })
      }
    }
  }
  return failures
}
