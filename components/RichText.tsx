import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as PayloadRichText,
} from '@payloadcms/richtext-lexical/react'

import { PullQuoteView } from '@/blocks/PullQuote/Component'
import { mentionKey } from '@/privacy/names/mentionNames'
import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import type { Media, PullQuoteBlock } from '@/payload-types'

import { MediaImage } from './MediaImage'

function converters(locale: Locale, names: Record<string, string>): JSXConvertersFunction {
  // Internal links point at the same document in the reader's language.
  const internalDocToHref = ({ linkNode }: { linkNode: SerializedLinkNode }) => {
    const doc = linkNode.fields.doc
    const slug = doc && typeof doc.value === 'object' && typeof doc.value.slug === 'string' ? doc.value.slug : null
    if (!doc || !slug) return localePath(locale)
    return localePath(locale, `${doc.relationTo === 'programs' ? 'programs' : 'stories'}/${slug}`)
  }
  return ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkJSXConverter({ internalDocToHref }),
    upload: ({ node }) => {
      const media = node.value as Media | string
      if (!media || typeof media !== 'object' || !media.mimeType?.startsWith('image/')) return null
      return (
        <figure className="prose__figure">
          <MediaImage media={media} size="hero" sizes="(min-width: 48rem) 42rem, 100vw" />
          {media.caption ? <figcaption>{media.caption}</figcaption> : null}
        </figure>
      )
    },
    inlineBlocks: {
      // A person renders as her public name (or a neutral phrase), resolved on the server.
      personMention: ({ node }: { node: { fields: Record<string, unknown> } }) => {
        const key = mentionKey(node)
        return <span className="person">{(key && names[key]) || messages(locale).aParticipant}</span>
      },
    },
    blocks: {
      pullQuote: ({ node }: { node: { fields: PullQuoteBlock } }) => {
        const key = mentionKey(node as unknown as { fields: Record<string, unknown> })
        const anonymous = node.fields.anonymousAttribution
        const attribution = key
          ? names[key]
          : anonymous
            ? messages(locale)[anonymous === 'leader' ? 'aLeader' : 'aParticipant']
            : undefined
        return <PullQuoteView quote={node.fields.quote} attribution={attribution} />
      },
    },
  })
}

/** Story and program bodies, rendered by Payload's Lexical JSX converters. */
export function RichText({
  data,
  locale,
  names = {},
  className,
}: {
  data: SerializedEditorState | null | undefined
  locale: Locale
  /** Public names of the people mentioned, from `publicNamesIn`. */
  names?: Record<string, string>
  className?: string
}) {
  if (!data) return null
  return (
    <PayloadRichText
      data={data}
      converters={converters(locale, names)}
      className={className}
      disableContainer={false}
    />
  )
}
