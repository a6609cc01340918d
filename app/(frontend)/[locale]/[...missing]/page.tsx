import { notFound } from 'next/navigation'

/** Any path under a locale that no page claims: the site's own 404, in the reader's language. */
export default function Missing() {
  notFound()
}
