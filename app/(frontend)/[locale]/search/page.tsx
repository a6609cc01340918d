import type { Metadata } from 'next'

import { SearchView, searchMetadata } from '@/components/SearchView'
import { localeFrom } from '@/lib/site/routeParams'

// The proxy sees every request for this address, to send a search to its results page
// (lib/search/searchAddress.ts); what reaches this page searches for nothing, and gets the form
// with a fresh nonce for its scripts.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(await localeFrom(params))
}

export default async function SearchPage({ params }: Props) {
  return <SearchView locale={await localeFrom(params)} words="" page={1} />
}
