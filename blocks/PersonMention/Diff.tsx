import type { RichTextFieldDiffServerComponent } from 'payload'

import { LexicalDiffComponent } from '@payloadcms/richtext-lexical/rsc'

import { voicesT } from '@/lib/refusals/translate'
import { mentionChips } from '@/privacy/names/mentionChips'

import { mentionsAsLinks, mentionsIn } from './mentionLinks'

/**
 * The story body in the version comparison: Payload's own rich-text diff, with each person
 * mention shown as her current public name (linked to her record) instead of a bare block type.
 * Payload lets a field replace its diff component but not add converters to the rich-text one,
 * so the mentions become links in a copy of each side before the comparison is drawn. Names are
 * read as the member of staff comparing, like the editor's chips (mentionChips).
 */
export const BodyDiffWithMentions: RichTextFieldDiffServerComponent = async (props) => {
  const { comparisonValue, versionValue, req, locale } = props
  const chips = await mentionChips(mentionsIn(comparisonValue, versionValue), req, new Date(), locale ?? req.locale)
  const notOnFile = voicesT(req)('voices:mentions:notOnFile')
  return (
    <LexicalDiffComponent
      {...props}
      comparisonValue={mentionsAsLinks(comparisonValue, chips, notOnFile)}
      versionValue={mentionsAsLinks(versionValue, chips, notOnFile)}
    />
  )
}
