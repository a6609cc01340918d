import { BlocksFeature, lexicalEditor, RelationshipFeature, UploadFeature } from '@payloadcms/richtext-lexical'

import { CallToAction } from '@/blocks/CallToAction/config'
import { PersonMention } from '@/blocks/PersonMention/config'
import { PullQuote } from '@/blocks/PullQuote/config'
import { PersonMentionsFeature } from '@/lib/richText/mentions/feature'
import { embeddableUploads, linkableCollections } from '@/lib/richText/documentReferences'
import { SafeLinkFeature } from '@/lib/richText/safeLinks'

/**
 * What every editor may point at (lib/richText/documentReferences.ts): Payload's default
 * relationship and upload features offer every collection, so they are swapped, in place, for
 * ones that offer only these.
 */
const withPointersLimited = <Feature extends { key: string }>(defaults: Feature[]): Feature[] =>
  defaults.map((feature) => {
    if (feature.key === 'relationship') {
      return RelationshipFeature({ enabledCollections: [...linkableCollections] }) as unknown as Feature
    }
    if (feature.key === 'upload')
      return UploadFeature({ enabledCollections: [...embeddableUploads] }) as unknown as Feature
    return feature
  })

/** The story editor: Payload's default features (links checked, lib/richText/safeLinks.ts), pull quotes, calls to action and person mentions (with the `@` search). */
export const storyEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...withPointersLimited(defaultFeatures),
    SafeLinkFeature(),
    BlocksFeature({ blocks: [PullQuote, CallToAction], inlineBlocks: [PersonMention] }),
    PersonMentionsFeature(),
  ],
})

/** The program description: Payload's default features and calls to action. */
export const programEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...withPointersLimited(defaultFeatures),
    SafeLinkFeature(),
    BlocksFeature({ blocks: [CallToAction] }),
  ],
})

/** Every other rich text (a leader's biography): Payload's default features, links checked. */
export const plainEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [...withPointersLimited(defaultFeatures), SafeLinkFeature()],
})
