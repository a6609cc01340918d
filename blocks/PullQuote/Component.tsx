import type { PullQuoteBlock } from '@/payload-types'

export function PullQuoteView({ quote, attribution }: Pick<PullQuoteBlock, 'quote' | 'attribution'>) {
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution ? <figcaption>{attribution}</figcaption> : null}
    </figure>
  )
}
