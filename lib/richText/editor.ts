import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { PullQuote } from '@/blocks/PullQuote/config'

/** The story editor: Payload's default features plus pull quotes. */
export const storyEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [...defaultFeatures, BlocksFeature({ blocks: [PullQuote] })],
})
