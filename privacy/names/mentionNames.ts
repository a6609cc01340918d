import type { PayloadRequest, TypedLocale } from 'payload'

import { messages } from '@/lib/i18n'
import { defaultLocale, type Locale } from '@/lib/locales'

import { loadPeople } from '@/privacy/consent/check'
import { mayBeNamed } from '@/privacy/consent/mayBeNamed'
import {
  mentionedPerson,
  peopleNamedIn,
  personKey,
  quotedPerson,
  type PeopleCollection,
  type PersonRef,
} from '@/privacy/content/uses'
import type { LexicalNode } from '@/lib/richText/walk'

/**
 * What each person mentioned in a body (and any `also` people, e.g. those a story features) is
 * called in public: her current public name when she may be named (consent, or a leader's public
 * role), otherwise (withdrawn, expired, erased) a neutral phrase. Real names are never read here.
 */
export async function mentionNames(
  body: unknown,
  req: PayloadRequest,
  locale: TypedLocale = defaultLocale,
  now = new Date(),
  also: PersonRef[] = [],
  /**
   * `asWritten`: every public name, whatever her consent, for a contributor's preview. The
   * preview must not tell a contributor, one mention at a time, who has agreed to be named.
   */
  naming: 'asPublished' | 'asWritten' = 'asPublished',
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const refs = [...peopleNamedIn(body), ...also]
  const t = messages((locale as Locale) ?? defaultLocale)
  for (const collection of ['participants', 'leaders'] as PeopleCollection[]) {
    const ids = refs.filter((r) => r.collection === collection).map((r) => r.id)
    const people = await loadPeople(collection, [...new Set(ids)], req, locale)
    for (const id of ids) {
      const person = people.get(id)
      const named = person && !person.erased && (naming === 'asWritten' || mayBeNamed(person, now))
      names.set(
        personKey({ collection, id }),
        named ? person.publicName : collection === 'participants' ? t.aParticipant : t.aLeader,
      )
    }
  }
  return names
}

/** The key ("participants:<id>") of the person a mention or a quote's speaker points at, if the node is one. */
export function mentionKey(node: LexicalNode): string | undefined {
  const ref = mentionedPerson(node) ?? quotedPerson(node)
  return ref ? personKey(ref) : undefined
}
