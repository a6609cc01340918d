import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { createLocalReq, getPayload } from 'payload'

import { mentionNames } from '@/privacy/names/mentionNames'
import type { PersonRef } from '@/privacy/content/uses'
import type { Locale } from '@/lib/locales'

import { relationId } from '@/lib/relations'
import { cacheTags } from '@/lib/site/cacheTags'

/**
 * Public names for the people mentioned in a story body, and those it features, as the site
 * renders them.
 *
 * Participants are closed to anonymous visitors, so this is the one place the public site reads
 * them with system rights. It reads nothing but the public name and the consent record (to know
 * whether she may be named), and returns only the name, or a neutral phrase when she may not be
 * named. Cached under the "people" tag, which every change to a participant or leader revalidates.
 */
export const lookupPublicNames = async (
  body: unknown,
  locale: Locale,
  featured: PersonRef[] = [],
  naming: 'asPublished' | 'asWritten' = 'asPublished',
): Promise<Record<string, string>> => {
  const payload = await getPayload({ config })
  const req = await createLocalReq({ locale }, payload)
  return Object.fromEntries(await mentionNames(body, req, locale, new Date(), featured, naming))
}

export const publicNamesIn =
  process.env.NODE_ENV === 'production'
    ? unstable_cache(lookupPublicNames, ['public-names'], { tags: [cacheTags.people] })
    : lookupPublicNames

type Relation = string | { id: string } | null | undefined

/** The leaders and participants a story features, as references for `publicNamesIn`. */
export function featuredPeople(story: {
  featuredLeaders?: Relation[] | null
  featuredParticipants?: Relation[] | null
}): PersonRef[] {
  const refs = (collection: PersonRef['collection'], values: Relation[] | null | undefined): PersonRef[] =>
    (values ?? []).flatMap((value) => {
      const id = relationId(value)
      return id ? [{ collection, id }] : []
    })
  return [...refs('leaders', story.featuredLeaders), ...refs('participants', story.featuredParticipants)]
}
