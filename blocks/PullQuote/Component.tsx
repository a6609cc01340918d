/** The quote, and who said it as the public may know her: a public name or a neutral phrase. */
export function PullQuoteView({ quote, attribution }: { quote: string; attribution?: string }) {
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution ? <figcaption>{attribution}</figcaption> : null}
    </figure>
  )
}
