import type { UIFieldServerProps } from 'payload'

import { voicesT } from '@/lib/refusals/translate'
import { polymorphicRef } from '@/lib/relations'
import { peopleCollections, personKey, type PersonRef } from '@/privacy/content/uses'
import { mentionChips } from '@/privacy/names/mentionChips'

import { MentionChipView } from './Chip'

/**
 * The label of a person mention in the story editor (Payload's `admin.components.Label` for
 * inline blocks), rendered on the server whenever the editor's form state is built: when the
 * story is opened, when a mention is inserted and when one is changed. So it always shows her
 * current public name, read as the member of staff (see mentionChips).
 */
export async function PersonMentionLabel({ siblingData, req }: UIFieldServerProps) {
  const t = voicesT(req)
  const person = polymorphicRef((siblingData as { person?: unknown } | undefined)?.person, peopleCollections)
  if (!person) return <MentionChipView chip={undefined} t={t} />
  const ref: PersonRef = { collection: person.relationTo, id: person.id }
  const chips = await mentionChips([ref], req)
  return <MentionChipView chip={chips.get(personKey(ref))} t={t} />
}
