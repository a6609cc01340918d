import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as PayloadRichText,
} from '@payloadcms/richtext-lexical/react'

import { CallToActionView } from '@/blocks/CallToAction/Component'
import { PullQuoteView } from '@/blocks/PullQuote/Component'
import type { From } from '@/lib/donors/from'
import { isCtaTarget } from '@/lib/donors/targets'
import { mentionKey } from '@/privacy/names/mentionNames'
import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import type { CallToActionBlock, Media, PullQuoteBlock } from '@/payload-types'

import { MediaImage } from './MediaImage'

function converters(locale: Locale, names: Record<string, string>, from: From | null): JSXConvertersFunction {
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
      // Its button carries the story or program it sits on to Get involved.
      callToAction: ({ node }: { node: { fields: CallToActionBlock } }) => {
        const { id, heading, text, buttonLabel, target } = node.fields
        if (!isCtaTarget(target)) return null
        return (
          <CallToActionView
            locale={locale}
            heading={heading}
            text={text}
            buttonLabel={buttonLabel}
            target={target}
            from={from}
            headingId={id ? `cta-${id}` : undefined}
          />
        )
      },
    },
  })
}

/** Story and program bodies, rendered by Payload's Lexical JSX converters. */
export function RichText({
  data,
  locale,
  names = {},
  from = null,
  className,
}: {
  data: SerializedEditorState | null | undefined
  locale: Locale
  /** Public names of the people mentioned, from `publicNamesIn`. */
  names?: Record<string, string>
  /** The story or program this body belongs to, carried by its calls to action. */
  from?: From | null
  className?: string
}) {
  if (!data) return null
  return (
    <PayloadRichText
      data={data}
      converters={converters(locale, names, from)}
      className={className}
      disableContainer={false}
    />
  )
}
