import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { PersonMention } from '@/blocks/PersonMention/config'
import { PullQuote } from '@/blocks/PullQuote/config'

/** The story editor: Payload's default features, pull quotes and person mentions. */
export const storyEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures,
    BlocksFeature({ blocks: [PullQuote], inlineBlocks: [PersonMention] }),
  ],
})
