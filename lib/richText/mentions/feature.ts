import { createServerFeature } from '@payloadcms/richtext-lexical'

/**
 * Inserting a person mention as quickly as typing a name: `@` and part of a public name in the
 * story editor lists matching leaders and participants; choosing one inserts the `personMention`
 * inline block (blocks/PersonMention), which the BlocksFeature provides.
 */
export const PersonMentionsFeature = createServerFeature({
  key: 'personMentions',
  dependencies: ['blocks'],
  feature: {
    ClientFeature: '@/lib/richText/mentions/feature.client#PersonMentionsFeatureClient',
  },
})
